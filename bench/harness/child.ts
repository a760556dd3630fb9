import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface Child {
  readonly pid: number;
  /** What the process printed after "listening on": its URL. */
  readonly url: string;
  /** The whole line that announced it. */
  readonly banner: string;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<number | null>;
}

export interface ChildOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  readonly cwd: string;
  readonly name: string;
  readonly startTimeoutMs?: number;
}

/**
 * Spawns a process (node itself, no shell or npm in between, so `pid` is the process measured)
 * and resolves once it prints "listening on <url>". Nothing is inherited from the bench's
 * environment but PATH and what is given.
 */
export function startChild(options: ChildOptions): Promise<Child> {
  const child: ChildProcess = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: options.cwd, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not start within ${options.startTimeoutMs ?? 60_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 60_000);
    let started = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^(.*listening on (\S+).*)$/m.exec(output);
      if (match && !started) {
        started = true;
        clearTimeout(timer);
        resolve({
          pid: child.pid!,
          url: match[2]!,
          banner: match[1]!,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
            const code = await exited;
            clearTimeout(forced);
            return code;
          },
        });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`${options.name} exited with ${code} before listening:\n${output}`));
    });
  });
}
