import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/app/scheduling/job';
import {
  backoffMs,
  claimedBy,
  isDue,
  isLeaseExpired,
  isRunnable,
  movedTo,
  newJob,
  settled,
  toDueAt,
} from '../../../src/app/scheduling/job';
import { minutes, t0 } from './scheduling-fixtures';

const job = (over: Partial<Job> = {}): Job => ({
  ...newJob({ id: 'reminder:hearing-7:3301:2026-11-20', kind: 'reminder', dueAt: t0, payload: {} }, t0),
  ...over,
});
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('job rules', () => {
  it('stores due times in UTC so that string order is time order', () => {
    expect(toDueAt('2026-11-20T09:00:00+01:00')).toBe('2026-11-20T08:00:00.000Z');
    expect(() => toDueAt('the day after tomorrow')).toThrow(RangeError);
  });

  it('a new job is pending with no attempts and at least one allowed', () => {
    const j = newJob({ id: 'a', kind: 'k', dueAt: t0, payload: { n: 1 }, maxAttempts: 0 }, t0);
    expect(j).toMatchObject({ state: 'pending', attempts: 0, maxAttempts: 1, payload: { n: 1 } });
  });

  it('is due at its time, not a millisecond before', () => {
    expect(isDue(job(), at(-1))).toBe(false);
    expect(isDue(job(), t0)).toBe(true);
    expect(isDue(job({ state: 'done' }), at(1))).toBe(false);
  });

  it('a claim counts an attempt and holds the job until its lease runs out', () => {
    const claimed = claimedBy(job(), 'runner-a', t0, minutes(2));
    expect(claimed).toMatchObject({
      state: 'claimed',
      attempts: 1,
      claim: { owner: 'runner-a', until: at(minutes(2)).toISOString() },
    });
    expect(isRunnable(claimed, at(minutes(2) - 1))).toBe(false);
    expect(isLeaseExpired(claimed, at(minutes(2)))).toBe(true);
    expect(isRunnable(claimed, at(minutes(2)))).toBe(true);
  });

  it('backoff doubles, is capped, and keeps half its delay fixed under jitter', () => {
    const policy = { baseMs: 1_000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 0))).toEqual([500, 1_000, 2_000, 4_000, 5_000]);
    expect(backoffMs(60, policy, () => 1)).toBe(10_000);
  });

  it('settles a failure as a retry with the delay, then as failed when attempts are used up', () => {
    const first = claimedBy(job({ maxAttempts: 2 }), 'a', t0, 1000);
    const retried = settled(first, { outcome: 'retry', error: 'timeout' }, t0, 5_000);
    expect(retried).toMatchObject({ state: 'pending', dueAt: at(5_000).toISOString(), lastError: 'timeout' });
    expect(retried.claim).toBeUndefined();
    const second = claimedBy(retried, 'a', at(5_000), 1000);
    expect(settled(second, { outcome: 'retry', error: 'timeout again' }, at(6_000), 5_000)).toMatchObject({
      state: 'failed',
      attempts: 2,
      lastError: 'timeout again',
      finishedAt: at(6_000).toISOString(),
    });
  });

  it('honours a retry delay the handler asks for, and keeps error text short', () => {
    const claimed = claimedBy(job(), 'a', t0, 1000);
    expect(settled(claimed, { outcome: 'retry', error: '429', afterMs: 42_000 }, t0, 5_000).dueAt).toBe(
      at(42_000).toISOString(),
    );
    expect(settled(claimed, { outcome: 'failed', error: 'x'.repeat(2_000) }, t0, 0).lastError).toHaveLength(500);
  });

  it('moving a failed job back starts its attempts over', () => {
    expect(movedTo(job({ state: 'failed', attempts: 5 }), at(1).toISOString(), t0)).toMatchObject({
      state: 'pending',
      attempts: 0,
    });
    expect(movedTo(job({ attempts: 2 }), at(1).toISOString(), t0).attempts).toBe(2);
  });
});
