import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { JobSpec } from '../../../src/app/scheduling/scheduler';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { JOBS, claimedBy } from '../../../src/app/scheduling/job';
import type { Job } from '../../../src/app/scheduling/job';
import { CountingStore, ManualClock, minutes, t0 } from './scheduling-fixtures';

const setup = () => {
  const store = new CountingStore(new MemoryStore());
  const clock = new ManualClock();
  return { store, clock, scheduler: new JobScheduler(store, clock) };
};
const reminder = (id: string, over: Partial<JobSpec> = {}): JobSpec => ({
  id,
  kind: 'reminder',
  dueAt: new Date(t0.getTime() + minutes(10)),
  payload: { municipality: '3301' },
  ...over,
});
const cards = (n: number): JobSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `card:hearing-7:${i}`,
    kind: 'outbox.message',
    dueAt: t0,
    payload: { i },
  }));
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('JobScheduler', () => {
  it('schedules a pending job under the caller id', async () => {
    const { scheduler } = setup();
    const { job, created } = await scheduler.schedule(reminder('reminder:hearing-7:3301:2026-11-20'));
    expect(created).toBe(true);
    expect(job).toMatchObject({ id: 'reminder:hearing-7:3301:2026-11-20', state: 'pending', attempts: 0 });
    expect(await scheduler.get(job.id)).toEqual(job);
  });

  it('scheduling the same id again returns the first job and changes nothing', async () => {
    const { scheduler } = setup();
    const first = await scheduler.schedule(reminder('r1'));
    const again = await scheduler.schedule(reminder('r1', { payload: { municipality: '9999' }, dueAt: t0 }));
    expect(again.created).toBe(false);
    expect(again.job).toEqual(first.job);
    expect(await scheduler.list()).toHaveLength(1);
  });

  it('a fan-out of 356 costs one create per job and no reads', async () => {
    const { store, scheduler } = setup();
    expect(await scheduler.scheduleMany(cards(356))).toEqual({ created: 356, existing: 0 });
    expect(store.calls).toMatchObject({ create: 356, get: 0, find: 0, replace: 0 });
  });

  it('a fan-out run again after a crash half way adds only the missing jobs', async () => {
    const { scheduler } = setup();
    await scheduler.scheduleMany(cards(356).slice(0, 150));
    expect(await scheduler.scheduleMany(cards(356))).toEqual({ created: 206, existing: 150 });
    expect(await scheduler.list({ kind: 'outbox.message' })).toHaveLength(356);
  });

  it('a fan-out with a bad due time writes nothing', async () => {
    const { scheduler } = setup();
    const specs = [...cards(3), { id: 'bad', kind: 'k', dueAt: 'soon', payload: null }];
    await expect(scheduler.scheduleMany(specs)).rejects.toThrow(RangeError);
    expect(await scheduler.list()).toEqual([]);
  });

  it('reschedules a pending job', async () => {
    const { scheduler } = setup();
    await scheduler.schedule(reminder('r1'));
    const moved = await scheduler.reschedule('r1', '2026-11-21T08:00:00Z');
    expect(moved.ok && moved.value.dueAt).toBe('2026-11-21T08:00:00.000Z');
  });

  it('refuses to reschedule a running, done or cancelled job, and a missing one', async () => {
    const { store, scheduler } = setup();
    await scheduler.schedule(reminder('running'));
    const record = (await store.get<Job>(JOBS, 'running'))!;
    await store.replace(JOBS, 'running', claimedBy(record.value, 'runner-a', t0, minutes(2)), record.etag);
    await scheduler.schedule(reminder('cancelled'));
    await scheduler.cancel('cancelled');
    expect(codeOf(await scheduler.reschedule('running', t0))).toBe('JOB.RUNNING');
    expect(codeOf(await scheduler.reschedule('cancelled', t0))).toBe('JOB.FINISHED');
    expect(codeOf(await scheduler.reschedule('nope', t0))).toBe('JOB.NOT_FOUND');
  });

  it('puts a failed job back with its attempts reset (the coordinator retries it)', async () => {
    const { store, scheduler } = setup();
    await scheduler.schedule(reminder('r1'));
    const record = (await store.get<Job>(JOBS, 'r1'))!;
    await store.replace(JOBS, 'r1', { ...record.value, state: 'failed', attempts: 5, lastError: '403' }, record.etag);
    expect((await scheduler.list({ state: 'failed' })).map((j) => j.lastError)).toEqual(['403']);
    const back = await scheduler.reschedule('r1', t0);
    expect(back.ok && back.value).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('cancels idempotently, but not a job already done', async () => {
    const { store, scheduler } = setup();
    await scheduler.schedule(reminder('r1'));
    expect(codeOf(await scheduler.cancel('r1'))).toBe('ok');
    expect(codeOf(await scheduler.cancel('r1'))).toBe('ok');
    expect((await scheduler.get('r1'))?.state).toBe('cancelled');
    await scheduler.schedule(reminder('r2'));
    const r2 = (await store.get<Job>(JOBS, 'r2'))!;
    await store.replace(JOBS, 'r2', { ...r2.value, state: 'done' }, r2.etag);
    expect(codeOf(await scheduler.cancel('r2'))).toBe('JOB.FINISHED');
    expect(codeOf(await scheduler.cancel('nope'))).toBe('JOB.NOT_FOUND');
  });

  it('concurrent changes go through the eTag: a cancel racing a reschedule is never lost', async () => {
    const { scheduler } = setup();
    await scheduler.schedule(reminder('r1'));
    const [moved, cancelled] = await Promise.all([scheduler.reschedule('r1', t0), scheduler.cancel('r1')]);
    const final = await scheduler.get('r1');
    // Whichever came second saw the first: the job ends cancelled, or the reschedule was refused.
    expect(final?.state).toBe('cancelled');
    expect(cancelled.ok).toBe(true);
    expect(moved.ok || codeOf(moved) === 'JOB.FINISHED').toBe(true);
  });

  it('lists by state and kind, soonest first', async () => {
    const { scheduler } = setup();
    await scheduler.schedule(reminder('later', { dueAt: '2026-12-01T00:00:00Z' }));
    await scheduler.schedule(reminder('sooner', { dueAt: '2026-11-21T00:00:00Z' }));
    await scheduler.schedule({ id: 'close', kind: 'vote.close', dueAt: t0, payload: {} });
    expect((await scheduler.list({ kind: 'reminder', state: 'pending' })).map((j) => j.id)).toEqual([
      'sooner',
      'later',
    ]);
  });
});
