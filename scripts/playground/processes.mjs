// Starting the bot and the Agents Playground as child processes, shared by `npm start`
// and the end-to-end tests.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
const require = createRequire(import.meta.url);

export const people = ['coordinator', 'board-member', 'respondent', 'guest', 'stranger'];

export function playgroundConfig(person) {
  const file = join(root, 'config', 'playground', `${person}.yml`);
  if (!existsSync(file)) throw new Error(`No playground person "${person}". Choose one of: ${people.join(', ')}`);
  return file;
}

/** Spawns a node process; resolves with the first match of `ready` in its output. */
export function startProcess(name, args, { env = {}, ready, timeoutMs = 60_000, echo = false, cwd = root }) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} was not ready within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (echo)
        process.stdout.write(
          text
            .split('\n')
            .filter(Boolean)
            .map((l) => `[${name}] ${l}\n`)
            .join(''),
        );
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} stopped (exit ${code}) before it was ready:\n${output}`));
    });
  });
  return { child, started, output: () => output };
}

export function startBot({ port = 3978, env = {}, echo = false } = {}) {
  return startProcess('bot', ['--import', 'tsx', join(root, 'src', 'main.ts')], {
    env: { PORT: String(port), ...env },
    ready: /Samråd bot listening on (\S+)/,
    echo,
  });
}

/**
 * The playground tries to open a browser with xdg-open and dies where there is none;
 * a no-op xdg-open first on PATH and TEAMSAPPTESTER_BROWSER=none keep it running.
 */
export function startPlayground({ person = 'coordinator', port = 56150, botUrl, echo = false }) {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  return startProcess(
    'playground',
    [
      '-r',
      join(here, 'localhost-only.cjs'),
      cli,
      '--port',
      String(port),
      '--app-endpoint',
      botUrl,
      '--channel-id',
      'msteams',
      '--disable-telemetry',
    ],
    {
      env: {
        PATH: `${join(here, 'bin')}:${process.env.PATH}`,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: playgroundConfig(person),
      },
      ready: /Listening on (\d+)/,
      echo,
    },
  );
}

export async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
