import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { message, people } from '../../tests/fixtures/activities';
import {
  CLOUD_PACKAGES,
  loadedAtAll,
  loadedByProduct,
  MODULE_TRACE_PRELOAD,
  readModuleTrace,
} from '../../tests/fixtures/module-trace';
import { freePort } from '../../tests/fixtures/spawned-server';
import { compiledMain, serverFolder } from './processes';

export { CLOUD_PACKAGES };

export interface ColdStart {
  /** Spawn until the first 200 from /healthz, per start, in ms. */
  readonly samples: number[];
  /** What the traced start loaded of CLOUD_PACKAGES (after answering one chat turn); null if it failed. */
  readonly cloudModules: {
    /** Loaded by anyone, Samråd or a dependency. */
    readonly atAll: string[];
    /** Asked for by Samråd's own code: "package ← dist/src/…". */
    readonly byProduct: string[];
  } | null;
  readonly errors: string[];
}

const START_LIMIT_MS = 30_000;

/** Resolves with the status of GET url, or 0 when nothing listens yet. */
const status = (url: string): Promise<number> =>
  new Promise((resolve) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });

/**
 * One start of `node dist/src/main.js` in local mode, measured from just before spawn until
 * /healthz first answers 200 (polled every 5 ms: the resolution of the figure).
 */
async function startOnce(
  env: Record<string, string>,
  cwd: string,
  preload: string[],
  then?: (base: string) => Promise<void>,
): Promise<number> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [...preload, compiledMain], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    for (;;) {
      if ((await status(`${base}/healthz`)) === 200) break;
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr.slice(0, 300)}`);
      if (performance.now() - t0 > START_LIMIT_MS) throw new Error(`no 200 from /healthz within ${START_LIMIT_MS} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const took = performance.now() - t0;
    await then?.(base);
    return took;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * `starts` timed starts on one work folder, after one untimed start that creates the
 * database (a restart, as App Service does it, finds the database there). The untimed
 * start also runs with the module trace and answers one `hjelp`, to see what local mode loads.
 */
export async function measureColdStarts(starts: number, serviceUrl: string): Promise<ColdStart> {
  const folder = serverFolder();
  const trace = join(folder.dir, 'modules.json');
  const errors: string[] = [];
  const samples: number[] = [];
  let cloudModules: ColdStart['cloudModules'] = null;
  try {
    try {
      await startOnce(
        { ...folder.env, SAMRAD_TEST_MODULE_TRACE: trace },
        folder.dir,
        ['--require', MODULE_TRACE_PRELOAD],
        async (base) => {
          const res = await fetch(`${base}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(message(serviceUrl, people.coordinator, 'hjelp')),
          });
          if (res.status !== 200) errors.push(`traced start: hjelp answered ${res.status}`);
        },
      );
      const loaded = readModuleTrace(trace);
      if (loaded) {
        const byProduct = loadedByProduct(loaded).map(
          (l) => `${l.request} ← ${l.from.replace(/.*[\\/]dist[\\/]/, 'dist/')}`,
        );
        cloudModules = { atAll: loadedAtAll(loaded), byProduct: [...new Set(byProduct)] };
      } else errors.push('traced start wrote no module list');
    } catch (e) {
      errors.push(`traced start: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (let i = 0; i < starts; i++) {
      try {
        samples.push(await startOnce(folder.env, folder.dir, []));
      } catch (e) {
        errors.push(`cold start ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } finally {
    rmSync(folder.dir, { recursive: true, force: true });
  }
  return { samples, cloudModules, errors };
}
