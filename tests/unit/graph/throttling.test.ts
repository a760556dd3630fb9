import { describe, expect, it } from 'vitest';
import { GraphThrottledError, RetryBudget, retryAfterMs } from '../../../src/adapters/graph/throttling';

const now = Date.parse('2026-11-23T12:00:00Z');

describe('Retry-After', () => {
  it('reads delay-seconds', () => {
    expect(retryAfterMs('7', now, 2000)).toBe(7000);
    expect(retryAfterMs('0', now, 2000)).toBe(0);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(retryAfterMs('Mon, 23 Nov 2026 12:00:30 GMT', now, 2000)).toBe(30_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 11:59:00 GMT', now, 2000)).toBe(0);
  });

  it('falls back when the header is missing or unreadable', () => {
    expect(retryAfterMs(undefined, now, 2000)).toBe(2000);
    expect(retryAfterMs('soon', now, 2000)).toBe(2000);
  });
});

describe('the retry budget', () => {
  const policy = (maxAttempts: number, maxTotalWaitMs: number, waits: number[]) => ({
    maxAttempts,
    maxTotalWaitMs,
    fallbackWaitMs: 1000,
    now: () => now,
    sleep: async (ms: number) => void waits.push(ms),
  });

  it('waits what the service asks, then gives up with a clear error after the attempt cap', async () => {
    const waits: number[] = [];
    const told: unknown[] = [];
    const budget = new RetryBudget({ ...policy(3, 60_000, waits), onWait: (e) => told.push(e) });
    await budget.waitOrGiveUp('GET /sites', 429, '2');
    await budget.waitOrGiveUp('GET /sites', 503, '3');
    const error = await budget.waitOrGiveUp('GET /sites', 429, '2').catch((e: unknown) => e);
    expect(waits).toEqual([2000, 3000]);
    expect(told).toEqual([
      { request: 'GET /sites', status: 429, waitMs: 2000, attempt: 1 },
      { request: 'GET /sites', status: 503, waitMs: 3000, attempt: 2 },
    ]);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect((error as Error).message).toBe(
      'GRAPH.THROTTLED GET /sites: Microsoft Graph answered 429 to 3 attempts over 5 s of waiting; giving up (raise the cap or retry later)',
    );
  });

  it('gives up before a wait that would pass the cap on total waiting', async () => {
    const waits: number[] = [];
    const budget = new RetryBudget(policy(10, 5_000, waits));
    await budget.waitOrGiveUp('GET /x', 429, '4');
    const error = await budget.waitOrGiveUp('GET /x', 429, '4').catch((e: unknown) => e);
    expect(waits).toEqual([4000]);
    expect((error as GraphThrottledError).code).toBe('GRAPH.THROTTLED');
    expect((error as GraphThrottledError).waitedMs).toBe(4000);
  });

  it('without a Retry-After backs off on its own: doubling from the fallback, bounded, and still capped', async () => {
    const waits: number[] = [];
    const budget = new RetryBudget({ ...policy(8, 60_000, waits), maxFallbackWaitMs: 5_000 });
    for (let i = 0; i < 4; i++) await budget.waitOrGiveUp('GET /x', 429, i === 2 ? 'soon' : null);
    await budget.waitOrGiveUp('GET /x', 503, '2'); // a readable one is obeyed as it is
    expect(waits).toEqual([1000, 2000, 4000, 5000, 2000]);
  });
});
