import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { JobHandler } from '../../../src/app/scheduling/execute-job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { RecordStore } from '../../../src/ports/record-store';
import { ManualClock, RunCounter, deferred, idleTimer, minutes, t0 } from './scheduling-fixtures';
import { untypedJobs } from '../../fakes/untyped-jobs';

const backoff = { baseMs: 1_000, maxMs: 8_000 };
const setup = (handlers: Record<string, JobHandler>, store: RecordStore = new MemoryStore()) => {
  const clock = new ManualClock();
  const runner = (owner = 'runner-a', over: { concurrency?: number } = {}) =>
    new JobRunner({
      store,
      clock,
      timer: idleTimer,
      owner,
      handlers: untypedJobs(handlers),
      backoff,
      random: () => 1,
      leaseMs: minutes(2),
      ...over,
    });
  return { store, clock, scheduler: new JobScheduler(store, clock), runner };
};
const counting =
  (counter: RunCounter): JobHandler =>
  async ({ job }) =>
    counter.add(job.id);

describe('JobRunner.runDue', () => {
  it('runs due jobs once and leaves future ones', async () => {
    const counter = new RunCounter();
    const { scheduler, runner, clock } = setup({ reminder: counting(counter) });
    await scheduler.schedule({ id: 'now', kind: 'reminder', dueAt: t0, payload: {} });
    await scheduler.schedule({
      id: 'later',
      kind: 'reminder',
      dueAt: new Date(t0.getTime() + minutes(60)),
      payload: {},
    });
    const a = runner();
    expect(await a.runDue()).toMatchObject({ done: 1 });
    expect(await a.runDue()).toMatchObject({ done: 0 });
    expect([...counter.runs.keys()]).toEqual(['now']);
    expect(await scheduler.get('now')).toMatchObject({ state: 'done', attempts: 1, finishedAt: t0.toISOString() });
    clock.advance(minutes(60));
    await a.runDue();
    expect(counter.runs).toEqual(
      new Map([
        ['now', 1],
        ['later', 1],
      ]),
    );
  });

  it('gives the handler the job, its attempt number and its id as idempotency key', async () => {
    const seen: unknown[] = [];
    const { scheduler, runner } = setup({
      reminder: async (ctx) => void seen.push([ctx.job.payload, ctx.attempt, ctx.idempotencyKey, ctx.receipt]),
    });
    await scheduler.schedule({ id: 'r1', kind: 'reminder', dueAt: t0, payload: { municipality: '3301' } });
    await runner().runDue();
    expect(seen).toEqual([[{ municipality: '3301' }, 1, 'r1', undefined]]);
  });

  it('retries a failing handler with backoff, then marks it failed with the message', async () => {
    const { scheduler, runner, clock } = setup({
      reminder: async () => {
        throw new Error('Teams said 502');
      },
    });
    await scheduler.schedule({ id: 'r1', kind: 'reminder', dueAt: t0, payload: {}, maxAttempts: 3 });
    const a = runner();
    expect(await a.runDue()).toMatchObject({ retried: 1 });
    expect(await scheduler.get('r1')).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'Teams said 502',
      dueAt: '2026-11-20T08:00:01.000Z',
    });
    clock.advance(999);
    expect(await a.runDue()).toMatchObject({ retried: 0 });
    clock.advance(1);
    await a.runDue();
    expect((await scheduler.get('r1'))?.dueAt).toBe('2026-11-20T08:00:03.000Z'); // 2 s after the second attempt
    clock.advance(2_000);
    expect(await a.runDue()).toMatchObject({ failed: 1 });
    expect(await scheduler.list({ state: 'failed' })).toMatchObject([
      { id: 'r1', attempts: 3, lastError: 'Teams said 502' },
    ]);
    clock.advance(minutes(60));
    expect(await a.runDue()).toMatchObject({ done: 0, failed: 0, retried: 0 });
  });

  it('a handler can give up at once or ask for a later retry', async () => {
    const { scheduler, runner } = setup({
      blocked: async () => ({ outcome: 'failed', error: 'bot blocked (403)' }),
      throttled: async () => ({ outcome: 'retry', error: '429', afterMs: 30_000 }),
    });
    await scheduler.schedule({ id: 'b', kind: 'blocked', dueAt: t0, payload: {} });
    await scheduler.schedule({ id: 't', kind: 'throttled', dueAt: t0, payload: {} });
    await runner().runDue();
    expect(await scheduler.get('b')).toMatchObject({ state: 'failed', attempts: 1, lastError: 'bot blocked (403)' });
    expect(await scheduler.get('t')).toMatchObject({ state: 'pending', dueAt: '2026-11-20T08:00:30.000Z' });
  });

  it('leaves kinds it has no handler for to runners that have one', async () => {
    const { scheduler, runner } = setup({ reminder: async () => {} });
    await scheduler.schedule({ id: 'v', kind: 'vote.close', dueAt: t0, payload: {} });
    expect(await runner().runDue()).toMatchObject({ done: 0, skipped: 0 });
    expect((await scheduler.get('v'))?.state).toBe('pending');
  });

  it('does not run a cancelled job', async () => {
    const counter = new RunCounter();
    const { scheduler, runner } = setup({ reminder: counting(counter) });
    await scheduler.schedule({ id: 'r1', kind: 'reminder', dueAt: t0, payload: {} });
    await scheduler.cancel('r1');
    await runner().runDue();
    expect(counter.total()).toBe(0);
  });

  it('runs at most `concurrency` handlers at once', async () => {
    let now = 0;
    let most = 0;
    const { scheduler, runner } = setup({
      card: async () => {
        most = Math.max(most, ++now);
        await new Promise((r) => setTimeout(r, 2));
        now--;
      },
    });
    await scheduler.scheduleMany(
      Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, kind: 'card', dueAt: t0, payload: {} })),
    );
    expect(await runner('a', { concurrency: 8 }).runDue()).toMatchObject({ done: 30 });
    expect(most).toBe(8);
  });

  it('a runner whose lease ran out is fenced off: it cannot overwrite the runner that took over', async () => {
    const slow = deferred();
    const runs: string[] = [];
    const { scheduler, runner, clock } = setup({
      reminder: async ({ attempt }) => {
        runs.push(`attempt ${attempt}`);
        if (attempt === 1) await slow.promise;
      },
    });
    await scheduler.schedule({ id: 'r1', kind: 'reminder', dueAt: t0, payload: {} });
    const stuck = runner('runner-a').runDue();
    await new Promise((r) => setImmediate(r));
    clock.advance(minutes(2));
    expect(await runner('runner-b').runDue()).toMatchObject({ done: 1 });
    slow.resolve();
    expect(await stuck).toMatchObject({ lost: 1, done: 0 });
    expect(runs).toEqual(['attempt 1', 'attempt 2']);
    expect(await scheduler.get('r1')).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('a job whose runners all died holding it is failed, not tried forever', async () => {
    const never = deferred();
    const counter = new RunCounter();
    const { scheduler, runner, clock } = setup({
      crashy: async ({ job }) => {
        counter.add(job.id);
        await never.promise;
      },
    });
    await scheduler.schedule({ id: 'poison', kind: 'crashy', dueAt: t0, payload: {}, maxAttempts: 2 });
    void runner('a').runDue();
    await new Promise((r) => setImmediate(r));
    clock.advance(minutes(2));
    void runner('b').runDue();
    await new Promise((r) => setImmediate(r));
    clock.advance(minutes(2));
    expect(await runner('c').runDue()).toMatchObject({ failed: 1 });
    expect(counter.runs.get('poison')).toBe(2);
    expect((await scheduler.get('poison'))?.lastError).toMatch(/lease expired in attempt 2/);
  });
});
