import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import type { Job } from '../../../src/app/scheduling/job';
import { JOBS, claimedBy } from '../../../src/app/scheduling/job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { RecordStore } from '../../../src/ports/record-store';
import type { Clock } from '../../../src/ports/clock';
import { ManualClock, RunCounter, idleTimer, minutes, t0 } from '../../unit/scheduling/scheduling-fixtures';
import { untypedJobs } from '../../fakes/untyped-jobs';

const leaseMs = minutes(2);
const runnerOn = (store: RecordStore, clock: Clock, owner: string, counter: RunCounter) =>
  new JobRunner({
    store,
    clock,
    timer: idleTimer,
    owner,
    leaseMs,
    handlers: untypedJobs({ reminder: async ({ job }) => counter.add(job.id) }),
  });

describe('a restart on the same SQLite file', () => {
  it('runs the pending jobs, never the done ones again, and takes over a claim the old process left', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'samrad-restart-')), 'samrad.db');
    const clock = new ManualClock();
    const counter = new RunCounter();

    const before = new SqliteStore(file);
    const scheduler = new JobScheduler(before, clock);
    const inAnHour = new Date(t0.getTime() + minutes(60));
    await scheduler.scheduleMany(
      Array.from({ length: 10 }, (_, i) => ({ id: `now-${i}`, kind: 'reminder', dueAt: t0, payload: {} })),
    );
    await scheduler.scheduleMany(
      Array.from({ length: 10 }, (_, i) => ({ id: `later-${i}`, kind: 'reminder', dueAt: inAnHour, payload: {} })),
    );
    await scheduler.schedule({ id: 'orphan', kind: 'reminder', dueAt: t0, payload: {} });
    // The old process claimed this one and died before running it.
    const orphan = (await before.get<Job>(JOBS, 'orphan'))!;
    await before.replace(JOBS, 'orphan', claimedBy(orphan.value, 'old-process', t0, leaseMs), orphan.etag);
    expect(await runnerOn(before, clock, 'old-process', counter).runDue()).toMatchObject({ done: 10 });
    await before.close();

    const after = new SqliteStore(file);
    const runner = runnerOn(after, clock, 'new-process', counter);
    clock.advance(leaseMs - 1);
    expect(await runner.runDue()).toMatchObject({ done: 0 }); // the old claim still holds
    clock.advance(minutes(60));
    expect(await runner.runDue()).toMatchObject({ done: 11 });
    expect(await runner.runDue()).toMatchObject({ done: 0 });
    await after.close();

    expect(counter.duplicates()).toEqual([]);
    expect(counter.runs.size).toBe(21);
    const reopened = new SqliteStore(file);
    expect(await reopened.find(JOBS, { state: 'done' })).toHaveLength(21);
    expect((await reopened.get<Job>(JOBS, 'orphan'))?.value).toMatchObject({ state: 'done', attempts: 2 });
    await reopened.close();
  });
});
