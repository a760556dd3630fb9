import { rmSync } from 'node:fs';
import type { Samrad } from '../src/compose';
import type { Logger } from '../src/log';
import { silentLogger } from '../src/log';

/**
 * A failed turn answers 200 and sends an apology, so neither the status nor the reply
 * count reveals it: the bench counts warnings and errors by event instead.
 */
export function problemCountingLogger(): { problems: { current: Map<string, number> }; log: Logger } {
  const problems = { current: new Map<string, number>() };
  const count = (level: string) => (event: string) =>
    problems.current.set(`${level} ${event}`, (problems.current.get(`${level} ${event}`) ?? 0) + 1);
  return { problems, log: { ...silentLogger, warn: count('warn'), error: count('error') } };
}

/** What every bench harness offers: take the problems counted so far, and clean up. */
export function harnessControls(problems: { current: Map<string, number> }, samrad: Samrad, dir: string) {
  return {
    // A function, not a method: harnesses hand it on as it is.
    takeProblems: (): Map<string, number> => {
      const taken = problems.current;
      problems.current = new Map();
      return taken;
    },
    async close(): Promise<void> {
      await samrad.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
