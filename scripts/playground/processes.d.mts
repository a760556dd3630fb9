import type { ChildProcess } from 'node:child_process';

export const root: string;
export const people: string[];
export function playgroundConfig(person: string): string;
export interface Started {
  child: ChildProcess;
  started: Promise<RegExpMatchArray>;
  output(): string;
}
export function startProcess(
  name: string,
  args: string[],
  options: { env?: Record<string, string>; ready: RegExp; timeoutMs?: number; echo?: boolean; cwd?: string },
): Started;
export function startBot(options?: { port?: number; env?: Record<string, string>; echo?: boolean }): Started;
export function startPlayground(options: { person?: string; port?: number; botUrl: string; echo?: boolean }): Started;
export function stopProcess(child: ChildProcess): Promise<void>;
