import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { JobHandler } from '../../../src/app/scheduling/execute-job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { createLogger } from '../../../src/log';
import type { Clock } from '../../../src/ports/clock';
import type { RecordStore } from '../../../src/ports/record-store';
import { systemTimer } from '../../../src/ports/timer';
import { RunCounter, deferred, t0 } from './scheduling-fixtures';
import { untypedJobs } from '../../fakes/untyped-jobs';

// Fake timers move Date too, so the Clock follows the timer.
const fakeClock: Clock = { now: () => new Date() };

const setup = (handlers: Record<string, JobHandler>, store: RecordStore = new MemoryStore()) => {
  const lines: string[] = [];
  const runner = new JobRunner({
    store,
    clock: fakeClock,
    timer: systemTimer,
    owner: 'runner-a',
    handlers: untypedJobs(handlers),
    pollMs: 5_000,
    logger: createLogger('debug', (l) => lines.push(l)),
  });
  return { runner, lines, scheduler: new JobScheduler(store, fakeClock) };
};

describe('JobRunner loop on fake time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: t0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls at its interval and runs each job when it falls due', async () => {
    const counter = new RunCounter();
    const { runner, scheduler } = setup({ reminder: async ({ job }) => counter.add(job.id) });
    await scheduler.schedule({ id: 'r1', kind: 'reminder', dueAt: new Date(t0.getTime() + 12_000), payload: {} });
    runner.start();
    await vi.advanceTimersByTimeAsync(11_000);
    expect(counter.total()).toBe(0);
    await vi.advanceTimersByTimeAsync(4_000); // the poll at 15 s is the first after 12 s
    expect(counter.runs.get('r1')).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(counter.runs.get('r1')).toBe(1);
    await runner.stop();
  });

  it('wake() runs a job scheduled now without waiting for the interval', async () => {
    const counter = new RunCounter();
    const { runner, scheduler } = setup({ card: async ({ job }) => counter.add(job.id) });
    runner.start();
    await vi.advanceTimersByTimeAsync(1_000);
    await scheduler.schedule({ id: 'c1', kind: 'card', dueAt: new Date(), payload: {} });
    runner.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(counter.runs.get('c1')).toBe(1);
    await runner.stop();
  });

  it('wake() during a pass polls again as soon as the pass ends', async () => {
    const release = deferred();
    const counter = new RunCounter();
    const { runner, scheduler } = setup({
      card: async ({ job }) => {
        if (job.id === 'c1') await release.promise;
        counter.add(job.id);
      },
    });
    await scheduler.schedule({ id: 'c1', kind: 'card', dueAt: t0, payload: {} });
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    await scheduler.schedule({ id: 'c2', kind: 'card', dueAt: new Date(), payload: {} });
    runner.wake();
    release.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(counter.runs).toEqual(
      new Map([
        ['c1', 1],
        ['c2', 1],
      ]),
    );
    await runner.stop();
  });

  it('a job that schedules another (a fan-out) has it run at once, not at the next interval', async () => {
    const counter = new RunCounter();
    const { runner, scheduler } = setup({
      distribute: async ({ job }) => {
        counter.add(job.id);
        await scheduler.schedule({ id: 'card-1', kind: 'card', dueAt: new Date(), payload: {} });
      },
      card: async ({ job }) => counter.add(job.id),
    });
    await scheduler.schedule({ id: 'd1', kind: 'distribute', dueAt: t0, payload: {} });
    runner.start();
    await vi.advanceTimersByTimeAsync(100); // well inside the 5 s interval
    expect(counter.runs).toEqual(
      new Map([
        ['d1', 1],
        ['card-1', 1],
      ]),
    );
    await runner.stop();
  });

  it('stop() waits for the handlers in flight and then claims nothing more', async () => {
    const release = deferred();
    const counter = new RunCounter();
    const { runner, scheduler } = setup({
      card: async ({ job }) => {
        await release.promise;
        counter.add(job.id);
      },
    });
    await scheduler.schedule({ id: 'c1', kind: 'card', dueAt: t0, payload: {} });
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect((await scheduler.get('c1'))?.state).toBe('done');
    await scheduler.schedule({ id: 'c2', kind: 'card', dueAt: new Date(), payload: {} });
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await scheduler.get('c2'))?.state).toBe('pending');
  });

  it('logs a pass that fails (store down) and keeps polling', async () => {
    const store = new MemoryStore();
    let down = true;
    const flaky: RecordStore = Object.assign(Object.create(store) as RecordStore, {
      find: async (...args: Parameters<RecordStore['find']>) => {
        if (down) throw new Error('STORE.UNAVAILABLE jobs');
        return store.find(...args);
      },
    });
    const counter = new RunCounter();
    const { runner, lines, scheduler } = setup({ card: async ({ job }) => counter.add(job.id) }, flaky);
    await scheduler.schedule({ id: 'c1', kind: 'card', dueAt: t0, payload: {} });
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(lines.some((l) => l.includes('scheduler.pass-failed') && l.includes('STORE.UNAVAILABLE'))).toBe(true);
    down = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(counter.runs.get('c1')).toBe(1);
    await runner.stop();
  });
});
