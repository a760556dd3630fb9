import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import { DELIVERY_FAILURES } from '../../../src/app/delivery/delivery-failures';
import type { Job } from '../../../src/app/scheduling/job';
import { JOBS, newJob } from '../../../src/app/scheduling/job';
import { scheduleRetention } from '../../../src/app/scheduling/retention';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { RecordStore } from '../../../src/ports/record-store';
import { DAY, finishedJob, retentionJobs, retentionRunner } from '../../unit/scheduling/retention-fixtures';
import { ManualClock, t0 } from '../../unit/scheduling/scheduling-fixtures';

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'samrad-retention-')), 'samrad.db');
const open: SqliteStore[] = [];
const sqlite = (file: string) => {
  const s = new SqliteStore(file);
  open.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const ago = (days: number) => new Date(t0.getTime() - days * DAY);
const count = async (store: RecordStore, prefix: string) =>
  (await store.find(JOBS)).filter((r) => r.id.startsWith(prefix)).length;

describe('retention on SQLite', () => {
  it('a first run on a store with 20,000 old jobs from an older version removes them in passes of 500 and keeps the rest', async () => {
    const store = sqlite(dbFile());
    const clock = new ManualClock();
    for (let i = 0; i < 20_000; i++) {
      // As an older version left them: no finishedDay.
      const { finishedDay: _, ...job } = finishedJob(
        `legacy:${i}`,
        i % 10 === 0 ? 'cancelled' : 'done',
        ago(100 + (i % 600)),
      );
      await store.create(JOBS, job.id, job);
    }
    await store.create(JOBS, 'recent', finishedJob('recent', 'done', ago(5)));
    await store.create(
      JOBS,
      'waiting',
      newJob({ id: 'waiting', kind: 'outbox.message', dueAt: ago(200), payload: {} }, ago(200)),
    );
    await scheduleRetention(new JobScheduler(store, clock), clock);
    const runner = retentionRunner(store, clock);

    const left: number[] = [];
    for (let pass = 0; pass < 45 && (await retentionJobs(store))[0]!.state !== 'done'; pass++) {
      await runner.runDue();
      left.push(await count(store, 'legacy:'));
      clock.advance(60_000);
    }
    expect(left.slice(0, 3)).toEqual([19_500, 19_000, 18_500]);
    expect(left.at(-1)).toBe(0);
    expect(left).toHaveLength(40);
    expect((await store.get<Job>(JOBS, 'recent'))?.value.state).toBe('done');
    expect((await store.get<Job>(JOBS, 'waiting'))?.value.state).toBe('pending');
    expect((await retentionJobs(store)).map((j) => `${j.id} ${j.state} ${j.attempts}`)).toEqual([
      'retention:2026-11-20 done 1',
      'retention:2026-11-21 pending 0',
    ]);
  }, 60_000);

  it("two runners on one database: the day's run happens once, removes each old record once, and leaves one job for tomorrow", async () => {
    const file = dbFile();
    const [a, b] = [sqlite(file), sqlite(file)];
    const clock = new ManualClock();
    for (let i = 0; i < 300; i++) await a.create(JOBS, `old:${i}`, finishedJob(`old:${i}`, 'done', ago(91 + (i % 20))));
    await a.create(JOBS, 'new', finishedJob('new', 'done', ago(1)));
    await a.create(DELIVERY_FAILURES, 'send:old', {
      conversationId: 'c',
      message: 'm',
      operation: 'send',
      reason: '403',
      at: ago(200).toISOString(),
    });
    await Promise.all([
      scheduleRetention(new JobScheduler(a, clock), clock),
      scheduleRetention(new JobScheduler(b, clock), clock),
    ]);

    const [ra, rb] = await Promise.all([
      retentionRunner(a, clock, 'process-a').runDue(),
      retentionRunner(b, clock, 'process-b').runDue(),
    ]);
    expect(ra.done + rb.done).toBe(1);
    expect(await count(b, 'old:')).toBe(0);
    expect(await count(b, 'new')).toBe(1);
    expect(await b.find(DELIVERY_FAILURES)).toEqual([]);
    expect((await retentionJobs(b)).map((j) => `${j.id} ${j.state}`)).toEqual([
      'retention:2026-11-20 done',
      'retention:2026-11-21 pending',
    ]);

    // Tomorrow both poll again: one run, one job for the day after.
    clock.advance(DAY);
    const [na, nb] = await Promise.all([
      retentionRunner(a, clock, 'process-a').runDue(),
      retentionRunner(b, clock, 'process-b').runDue(),
    ]);
    expect(na.done + nb.done).toBe(1);
    expect((await retentionJobs(a)).map((j) => `${j.id} ${j.state}`)).toEqual([
      'retention:2026-11-20 done',
      'retention:2026-11-21 done',
      'retention:2026-11-22 pending',
    ]);
  });
});
