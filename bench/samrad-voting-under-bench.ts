import { harnessControls, problemCountingLogger } from './problem-log';
import { SqliteStore } from '../src/adapters/sqlite/sqlite-store';
import { composeSamrad } from '../src/compose';
import { temporaryLocalConfig } from '../tests/fixtures/local-config';
import type { Samrad } from '../src/compose';
import { DelayedStore } from './delayed-store';

export interface VotingSamrad {
  readonly url: string;
  readonly samrad: Samrad;
  /** The store Samråd was composed with: SQLite behind a delay that can be set per run. */
  readonly store: DelayedStore;
  takeProblems(): Map<string, number>;
  close(): Promise<void>;
}

/**
 * The real composition (src/compose.ts) in the bench's process, with the silent logger, but with the given
 * organisation file (a large board) and with the store wrapped in a DelayedStore.
 */
export async function startVotingSamrad(organisationYaml: string): Promise<VotingSamrad> {
  const config = temporaryLocalConfig({ prefix: 'samrad-vote-bench-', logLevel: 'error', organisationYaml });
  const { dir } = config;
  const { problems, log } = problemCountingLogger();
  const store = new DelayedStore(new SqliteStore(config.databaseFile));
  const samrad = await composeSamrad(config, { log, store });
  const url = await samrad.listen();
  return {
    url,
    samrad,
    store,
    ...harnessControls(problems, samrad, dir),
  };
}
