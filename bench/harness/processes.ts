import { execFileSync, fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tests/fixtures/spawned-server';
import type { Job, JobResult } from '../processes/load-generator';
import { startChild } from './child';
import type { Child } from './child';

export const packageRoot = join(__dirname, '..', '..');
export const compiledMain = join(packageRoot, 'dist', 'src', 'main.js');
const processesDir = join(packageRoot, 'bench', '.build', 'bench', 'processes');

/**
 * The server as it ships (`npm run build`, tsconfig.build.json) and the bench's own
 * processes (bench/tsconfig.processes.json), so every measured process runs compiled
 * JavaScript under plain `node`, none under tsx.
 */
export function build(options: { server: boolean }): void {
  // Compiler output goes to stderr: stdout carries only the markdown table.
  const stdio: ['ignore', number, number] = ['ignore', 2, 2];
  if (options.server) execFileSync('npm', ['run', 'build', '--silent'], { cwd: packageRoot, stdio });
  execFileSync(
    process.execPath,
    [
      join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(packageRoot, 'bench', 'tsconfig.processes.json'),
    ],
    {
      cwd: packageRoot,
      stdio,
    },
  );
}

export interface SamradServer extends Child {
  readonly databaseFile: string;
  /** Warnings and errors the server logged since the last call, as "level event" → count. */
  takeProblems(): Map<string, number>;
  /** Stops the server and removes its folder. */
  close(): Promise<void>;
}

/** A fresh work folder for one server: its database, organisation file and documents. */
export function serverFolder(organisationYaml?: string): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'samrad-bench-server-'));
  const organisation = join(dir, 'organisation.yaml');
  if (organisationYaml) writeFileSync(organisation, organisationYaml);
  else copyFileSync(join(packageRoot, 'config', 'organisation.yaml'), organisation);
  return {
    dir,
    env: {
      SAMRAD_DB: join(dir, 'samrad.db'),
      SAMRAD_ORGANISATION: organisation,
      SAMRAD_DOCUMENTS_DIR: join(dir, 'documents'),
      SAMRAD_LOG_LEVEL: 'warn',
    },
  };
}

/**
 * `node dist/src/main.js` in local mode (no MicrosoftAppId): the production start command
 * with the embedded store, answering the fake connector given as each activity's serviceUrl.
 * See docs/performance.md for why not production mode.
 */
export async function startSamradServer(options: { organisationYaml?: string } = {}): Promise<SamradServer> {
  const folder = serverFolder(options.organisationYaml);
  const child = await startChild({
    name: 'Samråd',
    command: process.execPath,
    args: [compiledMain],
    cwd: folder.dir,
    env: { ...folder.env, PORT: String(await freePort()) },
  });
  let read = child.output().length;
  return {
    ...child,
    databaseFile: folder.env.SAMRAD_DB!,
    takeProblems: () => {
      const all = child.output();
      const fresh = all.slice(read);
      read = all.length;
      return logProblems(fresh);
    },
    close: async () => {
      await child.stop();
      rmSync(folder.dir, { recursive: true, force: true });
    },
  };
}

/** The server logs one JSON line per event; a failed turn still answers 200, so its log line is how we see it. */
export function logProblems(output: string): Map<string, number> {
  const problems = new Map<string, number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const { level, event } = JSON.parse(line) as { level?: string; event?: string };
      if (level === 'warn' || level === 'error')
        problems.set(`${level} ${event}`, (problems.get(`${level} ${event}`) ?? 0) + 1);
    } catch {
      problems.set('unparsed log line', (problems.get('unparsed log line') ?? 0) + 1);
    }
  }
  return problems;
}

export function startEchoBot(): Promise<Child> {
  return startChild({
    name: 'echo bot',
    command: process.execPath,
    args: [join(processesDir, 'echo-bot.js')],
    cwd: packageRoot,
    env: {},
  });
}

export interface ConnectorProcess extends Child {
  readonly controlUrl: string;
}

export async function startConnector(): Promise<ConnectorProcess> {
  const child = await startChild({
    name: 'connector',
    command: process.execPath,
    args: [join(processesDir, 'connector.js')],
    cwd: packageRoot,
    env: {},
  });
  const controlUrl = / control (\S+)/.exec(child.banner)?.[1];
  if (!controlUrl) throw new Error(`connector did not name its control port: ${child.banner}`);
  return { ...child, controlUrl };
}

export interface LoadGenerator {
  run(job: Job): Promise<JobResult>;
  stop(): void;
}

/** The load generator, forked with an IPC channel; one job at a time. */
export function startLoadGenerator(): LoadGenerator {
  const child: ChildProcess = fork(join(processesDir, 'load-generator.js'), [], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`load generator exited with ${code}`));
        child.once('exit', onExit);
        child.once('message', (reply: { ok: boolean; result?: JobResult; error?: string }) => {
          child.off('exit', onExit);
          if (reply.ok && reply.result) resolve(reply.result);
          else reject(new Error(`load generator: ${reply.error ?? 'no result'}`));
        });
        child.send(job);
      }),
    stop: () => {
      if (child.connected) child.disconnect();
    },
  };
}
