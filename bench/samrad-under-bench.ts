import { harnessControls, problemCountingLogger } from './problem-log';
import { composeSamrad } from '../src/compose';
import { temporaryLocalConfig } from '../tests/fixtures/local-config';
import { silentLogger } from '../src/log';
import type { Logger } from '../src/log';

export interface SamradUnderBench {
  readonly url: string;
  /** Warnings and errors logged since the last call, by event name, e.g. `error turn.failed`. */
  takeProblems(): Map<string, number>;
  close(): Promise<void>;
}

/**
 * The real composition as tests/fixtures/bot-under-test.ts builds it, but with the
 * silent logger: that fixture keeps every log line in memory, which a load run
 * would turn into a leak and into time spent formatting JSON nobody reads.
 * Warnings and errors are still counted: a failed turn answers 200 and sends an
 * apology, so neither the status nor the reply count would reveal it.
 */
export async function startSamrad(): Promise<SamradUnderBench> {
  const config = temporaryLocalConfig({ prefix: 'samrad-bench-', logLevel: 'error' });
  const { dir } = config;
  const { problems, log } = problemCountingLogger();
  const samrad = await composeSamrad(config, { log });
  const url = await samrad.listen();
  return {
    url,
    ...harnessControls(problems, samrad, dir),
  };
}
