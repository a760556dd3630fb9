import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import type { JobHandler } from '../../../src/app/scheduling/execute-job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { RecordStore } from '../../../src/ports/record-store';
import { ManualClock, RunCounter, idleTimer, t0, yieldToOthers } from '../../unit/scheduling/scheduling-fixtures';
import { untypedJobs } from '../../fakes/untyped-jobs';

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'samrad-jobs-')), 'samrad.db');
const open: RecordStore[] = [];
const sqlite = (file: string) => {
  const s = new SqliteStore(file);
  open.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Runs each handler after a short wait, so the two runners' claims and writes interleave. */
const counting =
  (counter: RunCounter): JobHandler =>
  async ({ job }) => {
    await yieldToOthers();
    counter.add(job.id);
  };

async function twoRunnersOn(storeA: RecordStore, storeB: RecordStore, randomA: () => number, randomB: () => number) {
  const clock = new ManualClock();
  const counter = new RunCounter();
  const specs = Array.from({ length: 200 }, (_, i) => ({
    id: `reminder:h7:${String(i).padStart(4, '0')}`,
    kind: 'reminder',
    dueAt: t0,
    payload: { i },
  }));
  await new JobScheduler(storeA, clock).scheduleMany(specs);
  const runner = (store: RecordStore, owner: string, random: () => number) =>
    new JobRunner({
      store,
      clock,
      timer: idleTimer,
      owner,
      handlers: untypedJobs({ reminder: counting(counter) }),
      random,
    });
  const [a, b] = await Promise.all([
    runner(storeA, 'process-a', randomA).runDue(),
    runner(storeB, 'process-b', randomB).runDue(),
  ]);
  const done = await new JobScheduler(storeB, clock).list({ state: 'done' });
  return { counter, a, b, done };
}

const sameStart = () => 0;

describe('two runners on one store', () => {
  for (const [name, stores] of [
    [
      'two SQLite connections on one file (two processes)',
      () => {
        const file = dbFile();
        return [sqlite(file), sqlite(file)] as const;
      },
    ],
    [
      'one shared memory store',
      () => {
        const m = new MemoryStore();
        return [m, m] as const;
      },
    ],
  ] as const) {
    it(`${name}: 200 due jobs each run exactly once, none lost (both start at the same job)`, async () => {
      const [storeA, storeB] = stores();
      const { counter, a, b, done } = await twoRunnersOn(storeA, storeB, sameStart, sameStart);
      expect(counter.duplicates()).toEqual([]);
      expect(counter.runs.size).toBe(200);
      expect(done).toHaveLength(200);
      expect(a.done + b.done).toBe(200);
      // Both really competed: each won some claims and lost some.
      expect(a.done).toBeGreaterThan(0);
      expect(b.done).toBeGreaterThan(0);
      expect(a.skipped + b.skipped).toBeGreaterThan(0);
      expect(a.lost + b.lost + a.error + b.error).toBe(0);
    });

    it(`${name}: starting at different places, they split the work with few collisions`, async () => {
      const [storeA, storeB] = stores();
      const { counter, a, b } = await twoRunnersOn(
        storeA,
        storeB,
        () => 0,
        () => 0.5,
      );
      expect(counter.duplicates()).toEqual([]);
      expect(counter.runs.size).toBe(200);
      expect(Math.min(a.done, b.done)).toBeGreaterThan(50);
    });
  }
});
