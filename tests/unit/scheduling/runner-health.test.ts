import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { PassObserver } from '../../../src/app/scheduling/job-runner';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { createLogger } from '../../../src/log';
import type { Clock } from '../../../src/ports/clock';
import type { RecordStore } from '../../../src/ports/record-store';
import { StoreError } from '../../../src/ports/record-store';
import { systemTimer } from '../../../src/ports/timer';
import { t0 } from './scheduling-fixtures';
import { untypedJobs } from '../../fakes/untyped-jobs';

const fakeClock: Clock = { now: () => new Date() };

/** Refuses what the test says: the runner's query, or every write (so each claim fails). */
function refusing(store: MemoryStore, what: { find: boolean; replace: boolean }): RecordStore {
  return Object.assign(Object.create(store) as RecordStore, {
    find: (...args: Parameters<RecordStore['find']>) =>
      what.find && args[0] === 'jobs'
        ? Promise.reject(new StoreError('STORE.UNAVAILABLE', 'jobs', '*'))
        : store.find(...args),
    replace: (...args: Parameters<RecordStore['replace']>) =>
      what.replace ? Promise.reject(new StoreError('STORE.UNAVAILABLE', 'jobs', args[1])) : store.replace(...args),
  });
}

const observed = () => {
  const passes: string[] = [];
  const observer: PassObserver = {
    passed: () => passes.push('passed'),
    failed: (e) => passes.push(`failed ${(e as StoreError).code}`),
  };
  return { passes, observer };
};

describe('the runner tells its health observer how each poll went', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: t0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a refused query is a failed pass, and with an observer the runner does not log it per pass itself', async () => {
    const memory = new MemoryStore();
    const what = { find: true, replace: false };
    const lines: string[] = [];
    const { passes, observer } = observed();
    const runner = new JobRunner({
      store: refusing(memory, what),
      clock: fakeClock,
      timer: systemTimer,
      owner: 'a',
      handlers: {},
      pollMs: 5_000,
      health: observer,
      logger: createLogger('debug', (l) => lines.push(l)),
    });
    runner.start();
    await vi.advanceTimersByTimeAsync(10_000);
    what.find = false;
    await vi.advanceTimersByTimeAsync(5_000);
    await runner.stop();
    expect(passes).toEqual([
      'failed STORE.UNAVAILABLE',
      'failed STORE.UNAVAILABLE',
      'failed STORE.UNAVAILABLE',
      'passed',
    ]);
    expect(lines.filter((l) => l.includes('scheduler.pass-failed'))).toEqual([]);
  });

  it('a pass whose every claim the store refuses is a failed pass too; one that runs a job is not', async () => {
    const memory = new MemoryStore();
    const what = { find: false, replace: true };
    const { passes, observer } = observed();
    const runs: string[] = [];
    await new JobScheduler(memory, fakeClock).schedule({ id: 'c1', kind: 'card', dueAt: t0, payload: {} });
    const runner = new JobRunner({
      store: refusing(memory, what),
      clock: fakeClock,
      timer: systemTimer,
      owner: 'a',
      handlers: untypedJobs({ card: async ({ job }) => void runs.push(job.id) }),
      pollMs: 5_000,
      health: observer,
    });
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    what.replace = false;
    await vi.advanceTimersByTimeAsync(5_000);
    await runner.stop();
    expect(passes.slice(0, 2)).toEqual(['failed STORE.UNAVAILABLE', 'passed']);
    expect(runs).toEqual(['c1']);
  });
});
