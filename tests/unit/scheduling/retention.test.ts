import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { DELIVERY_FAILURES } from '../../../src/app/delivery/delivery-failures';
import type { Job } from '../../../src/app/scheduling/job';
import { JOBS, completed, newJob } from '../../../src/app/scheduling/job';
import { scheduleRetention } from '../../../src/app/scheduling/retention';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { ListName, Where } from '../../../src/ports/record-store';
import { StoreError } from '../../../src/ports/record-store';
import { DAY, fillFinished, finishedJob, retentionJobs, retentionRunner } from './retention-fixtures';
import { ManualClock, t0 } from './scheduling-fixtures';

const ids = async (store: MemoryStore, list: string) => (await store.find(list)).map((r) => r.id).sort();
const ago = (days: number) => new Date(t0.getTime() - days * DAY);

describe("retention of the product's own machinery", () => {
  it("removes done and cancelled jobs and delivery failures older than the period; keeps recent, pending, claimed and people's records", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await store.create(JOBS, 'done-old', finishedJob('done-old', 'done', ago(91)));
    await store.create(JOBS, 'cancelled-old', finishedJob('cancelled-old', 'cancelled', ago(100)));
    // Finished before jobs carried their day (an older version): found by state, once.
    const { finishedDay: _a, ...undatedOld } = finishedJob('undated-old', 'done', ago(400));
    const { finishedDay: _b, ...undatedRecent } = finishedJob('undated-recent', 'done', ago(20));
    await store.create(JOBS, 'undated-old', undatedOld);
    await store.create(JOBS, 'undated-recent', undatedRecent);
    await store.create(JOBS, 'done-recent', finishedJob('done-recent', 'done', ago(89)));
    await store.create(JOBS, 'failed-old', finishedJob('failed-old', 'failed', ago(120))); // kept: twice the period
    await store.create(JOBS, 'failed-older', finishedJob('failed-older', 'failed', ago(200)));
    await store.create(
      JOBS,
      'pending-old',
      newJob({ id: 'pending-old', kind: 'outbox.message', dueAt: ago(300), payload: {} }, ago(300)),
    );
    await store.create(JOBS, 'claimed', {
      ...newJob({ id: 'claimed', kind: 'x', dueAt: ago(100), payload: {} }, ago(100)),
      state: 'claimed',
    });
    await store.create(DELIVERY_FAILURES, 'send:old', {
      conversationId: 'c',
      message: 'm',
      operation: 'send',
      reason: '403',
      at: ago(95).toISOString(),
    });
    await store.create(DELIVERY_FAILURES, 'send:new', {
      conversationId: 'c',
      message: 'm',
      operation: 'send',
      reason: '403',
      at: ago(10).toISOString(),
    });
    for (const list of [
      'meetings',
      'votes',
      'ballotBoxes',
      'hearings',
      'hearingResponses',
      'minutes',
      'auditLog',
      'followUps',
    ])
      await store.create(list, 'kept', {
        state: 'done',
        finishedDay: ago(500).toISOString().slice(0, 10),
        at: ago(500).toISOString(),
      });
    await scheduleRetention(new JobScheduler(store, clock), clock);

    expect(await retentionRunner(store, clock).runDue()).toMatchObject({ done: 1 });

    expect((await ids(store, JOBS)).filter((id) => !id.startsWith('retention:'))).toEqual([
      'claimed',
      'done-recent',
      'failed-old',
      'pending-old',
      'undated-recent',
    ]);
    expect(await ids(store, DELIVERY_FAILURES)).toEqual(['send:new']);
    for (const list of [
      'meetings',
      'votes',
      'ballotBoxes',
      'hearings',
      'hearingResponses',
      'minutes',
      'auditLog',
      'followUps',
    ])
      expect(await ids(store, list), list).toEqual(['kept']);
  });

  it('with a period of 30 days, a job done 31 days ago goes and one done 29 days ago stays', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await store.create(JOBS, 'd31', finishedJob('d31', 'done', ago(31)));
    await store.create(JOBS, 'd29', finishedJob('d29', 'done', ago(29)));
    await scheduleRetention(new JobScheduler(store, clock), clock);
    await retentionRunner(store, clock, 'a', { days: 30 }).runDue();
    expect((await ids(store, JOBS)).filter((id) => !id.startsWith('retention:'))).toEqual(['d29']);
  });

  it("reschedules itself once a day: today's run leaves one job for tomorrow at 02:00 UTC, and that one the next", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    const scheduler = new JobScheduler(store, clock);
    await scheduleRetention(scheduler, clock);
    await scheduleRetention(scheduler, clock); // a second instance starting: still one job
    const runner = retentionRunner(store, clock);
    await runner.runDue();
    expect((await retentionJobs(store)).map((j) => [j.id, j.state, j.dueAt])).toEqual([
      ['retention:2026-11-20', 'done', '2026-11-20T02:00:00.000Z'],
      ['retention:2026-11-21', 'pending', '2026-11-21T02:00:00.000Z'],
    ]);
    expect(await runner.runDue()).toMatchObject({ done: 0 }); // not due before tomorrow
    clock.advance(DAY);
    await runner.runDue();
    expect((await retentionJobs(store)).map((j) => `${j.id} ${j.state}`)).toEqual([
      'retention:2026-11-20 done',
      'retention:2026-11-21 done',
      'retention:2026-11-22 pending',
    ]);
  });

  it('removes in bounded passes: 1,200 old jobs take three passes of at most 500, a minute apart, the attempts not counted', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    await fillFinished(store, 1_200, ago(92), 40); // 30 days of 40
    await scheduleRetention(new JobScheduler(store, clock), clock);
    const runner = retentionRunner(store, clock);
    const left = async () => (await ids(store, JOBS)).filter((id) => id.startsWith('old:')).length;

    await runner.runDue();
    expect(await left()).toBe(700);
    const [today] = await retentionJobs(store);
    expect(today).toMatchObject({
      id: 'retention:2026-11-20',
      state: 'pending',
      attempts: 0,
      dueAt: new Date(t0.getTime() + 60_000).toISOString(),
    });
    clock.advance(60_000);
    await runner.runDue();
    expect(await left()).toBe(200);
    clock.advance(60_000);
    await runner.runDue();
    expect(await left()).toBe(0);
    expect((await retentionJobs(store)).map((j) => `${j.id} ${j.state}`)).toEqual([
      'retention:2026-11-20 done',
      'retention:2026-11-21 pending',
    ]);
  });

  it("a failed job the coordinator retried is pending again and out of retention's reach", async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    const scheduler = new JobScheduler(store, clock);
    await store.create(JOBS, 'f', finishedJob('f', 'failed', ago(300)));
    expect((await scheduler.retry('f')).ok).toBe(true);
    await scheduleRetention(scheduler, clock);
    await retentionRunner(store, clock).runDue();
    expect((await store.get<Job>(JOBS, 'f'))?.value).toMatchObject({ state: 'pending' });
    expect((await store.get<Job>(JOBS, 'f'))?.value.finishedDay).toBeUndefined();
  });

  it('a store that refuses the whole-collection queries (SharePoint past its threshold): the day queries still run, the chain goes on, the refused sweep is not asked again', async () => {
    class Refusing extends MemoryStore {
      refused: string[] = [];
      override async find<T>(list: ListName, where: Where = {}) {
        if (
          (list === JOBS && ['done', 'cancelled', 'failed'].includes(String(where.state))) ||
          list === DELIVERY_FAILURES
        ) {
          this.refused.push(`${list} ${JSON.stringify(where)}`);
          throw new StoreError('STORE.REJECTED', list, '');
        }
        return super.find<T>(list, where);
      }
    }
    const store = new Refusing();
    const clock = new ManualClock();
    await store.create(JOBS, 'done-old', finishedJob('done-old', 'done', ago(95)));
    await scheduleRetention(new JobScheduler(store, clock), clock);
    const runner = retentionRunner(store, clock);
    expect(await runner.runDue()).toMatchObject({ done: 1 });
    expect(await store.get(JOBS, 'done-old')).toBeUndefined();
    expect(store.refused).toContain('jobs {"state":"done"}');
    expect(store.refused).toContain('deliveryFailures {}');
    store.refused = [];
    clock.advance(DAY);
    expect(await runner.runDue()).toMatchObject({ done: 1 });
    expect(store.refused).toEqual(['deliveryFailures {}']);
    expect((await retentionJobs(store)).map((j) => `${j.id} ${j.state}`)).toEqual([
      'retention:2026-11-20 done',
      'retention:2026-11-21 done',
      'retention:2026-11-22 pending',
    ]);
  });

  it('a finished job carries its UTC day; going back to pending drops it', () => {
    const done = completed(
      newJob({ id: 'j', kind: 'k', dueAt: t0, payload: {} }, t0),
      new Date('2026-11-20T23:30:00.000Z'),
    );
    expect(done).toMatchObject({ finishedDay: '2026-11-20', finishedAt: '2026-11-20T23:30:00.000Z' });
  });
});
