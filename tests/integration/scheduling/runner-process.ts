/**
 * One bot process for the two-process test: opens the SQLite file on its own connection and
 * runs passes until no job is left, appending "<job id> <owner>" to the output file per run.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import { JOBS } from '../../../src/app/scheduling/job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { systemClock } from '../../../src/ports/clock';
import { systemTimer } from '../../../src/ports/timer';
import { untypedJobs } from '../../fakes/untyped-jobs';

const [file, owner, out, go] = process.argv.slice(2) as [string, string, string, string];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const store = new SqliteStore(file);
const runner = new JobRunner({
  store,
  clock: systemClock,
  timer: systemTimer,
  owner,
  handlers: untypedJobs({
    reminder: async ({ job }) => {
      await sleep(2); // as long as a send takes, roughly: lets the other process overlap
      appendFileSync(out, `${job.id} ${owner}\n`);
    },
  }),
});

const left = async () =>
  (await store.find(JOBS, { state: 'pending' })).length + (await store.find(JOBS, { state: 'claimed' })).length;
// The project compiles to CommonJS, which has no top-level await.
async function main(): Promise<void> {
  // Start together: say ready, wait for the test's go (start-up time differs between processes).
  writeFileSync(`${go}.${owner}.ready`, '');
  while (!existsSync(go)) await sleep(5);
  for (let pass = 0; pass < 50 && (await left()) > 0; pass++) await runner.runDue();
  await store.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
