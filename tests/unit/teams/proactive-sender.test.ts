import { describe, expect, it } from 'vitest';
import { DeliveryDeferred, ProactiveSender, retryAfterMs } from '../../../src/adapters/teams/proactive-sender';
import type { Timer } from '../../../src/ports/timer';
import { ManualClock, t0 } from '../scheduling/scheduling-fixtures';

/** Fake time: a wait moves the clock on by its length and returns at once, and is written down. */
function fakeTime() {
  const clock = new ManualClock();
  const waits: number[] = [];
  const timer: Timer = {
    after: (ms, run) => {
      waits.push(ms);
      clock.advance(ms);
      queueMicrotask(run);
      return () => {};
    },
  };
  const elapsed = () => clock.now().getTime() - t0.getTime();
  return { clock, timer, waits, elapsed };
}

/** An error as the Bot Framework SDK throws it for an HTTP status. */
const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), { statusCode: status, response: { status, headers: { get: (n: string) => headers[n] } } });

/** A request that fails with the given statuses in turn, then succeeds; counts its calls. */
function connector(...failures: number[]) {
  const calls: number[] = [];
  return {
    calls,
    request: (elapsed: () => number, headers: Record<string, string> = {}) => async () => {
      calls.push(elapsed());
      const status = failures.shift();
      if (status !== undefined) throw httpError(status, headers);
      return 'activity-1';
    },
  };
}

const target = { conversationId: 'a:personal-1', tenantId: 'tenant-1' };

describe('ProactiveSender, on a fake clock', () => {
  it('waits for the earliest allowed moment instead of refusing: the 8th to one conversation goes a second later', async () => {
    const { clock, timer, elapsed } = fakeTime();
    const sender = new ProactiveSender({ clock, timer, guardMs: 0 });
    const moments: number[] = [];
    for (let i = 0; i < 8; i++) await sender.run(target, async () => moments.push(elapsed()));
    expect(moments).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000]);
  });

  it('honours Retry-After on a 429: the next try comes after it, and that conversation is held back', async () => {
    const { clock, timer, elapsed } = fakeTime();
    const sender = new ProactiveSender({ clock, timer, guardMs: 0 });
    const teams = connector(429);
    expect(await sender.run(target, teams.request(elapsed, { 'retry-after': '3' }))).toEqual({ sent: 'activity-1' });
    expect(teams.calls).toEqual([0, 3_000]);
    expect(sender.counts).toMatchObject({ requests: 2, throttled: 1 });
  });

  it('a 429 for a second conversation while the first is held holds back the whole app', async () => {
    // Time moves only when the test says: three sends in flight at once.
    const clock = new ManualClock();
    const pending: { due: number; run: () => void }[] = [];
    const timer: Timer = { after: (ms, run) => (pending.push({ due: clock.now().getTime() + ms, run }), () => {}) };
    const elapsed = () => clock.now().getTime() - t0.getTime();
    const settle = () => new Promise<void>((r) => setImmediate(r));
    const sender = new ProactiveSender({ clock, timer, guardMs: 0 });
    const [a, b, c] = [connector(429), connector(429), connector()];

    const sends = [sender.run({ conversationId: 'a', tenantId: 't' }, a.request(elapsed, { 'retry-after': '5' }))];
    await settle();
    sends.push(sender.run({ conversationId: 'b', tenantId: 't' }, b.request(elapsed, { 'retry-after': '5' })));
    await settle();
    sends.push(sender.run({ conversationId: 'c', tenantId: 't' }, c.request(elapsed)));
    await settle();
    expect(c.calls).toEqual([]); // held with the app, though its own conversation is free

    clock.advance(5_000);
    for (const p of pending.splice(0)) p.run();
    await Promise.all(sends);
    expect([a.calls, b.calls, c.calls]).toEqual([[0, 5_000], [0, 5_000], [5_000]]);
  });

  it('retries 412, 502, 503 and 504 with exponential backoff, jittered within [half, whole] of each step', async () => {
    for (const random of [() => 0, () => 0.999999]) {
      const { clock, timer, waits, elapsed } = fakeTime();
      const sender = new ProactiveSender({ clock, timer, random, backoff: { baseMs: 500, maxMs: 8_000 } });
      const teams = connector(412, 502, 503, 504);
      expect(await sender.run(target, teams.request(elapsed))).toEqual({ sent: 'activity-1' });
      expect(teams.calls).toHaveLength(5);
      const ceilings = [500, 1_000, 2_000, 4_000];
      waits.forEach((w, i) => {
        expect(w).toBeGreaterThanOrEqual(ceilings[i]! / 2);
        expect(w).toBeLessThanOrEqual(ceilings[i]!);
      });
    }
  });

  it('gives up after its retries with the last error (the job then retries later), backoff capped', async () => {
    const { clock, timer, waits, elapsed } = fakeTime();
    const sender = new ProactiveSender({ clock, timer, random: () => 1, maxRetries: 6, backoff: { baseMs: 500, maxMs: 2_000 } });
    const teams = connector(502, 502, 502, 502, 502, 502, 502, 502);
    await expect(sender.run(target, teams.request(elapsed))).rejects.toMatchObject({ statusCode: 502 });
    expect(teams.calls).toHaveLength(7);
    expect(Math.max(...waits)).toBe(2_000);
  });

  it('a 403 is answered as forbidden after one request: never retried', async () => {
    const { clock, timer, elapsed } = fakeTime();
    const sender = new ProactiveSender({ clock, timer });
    const teams = connector(403, 403);
    expect(await sender.run(target, teams.request(elapsed))).toEqual({ forbidden: 'blocked or uninstalled (403)' });
    expect(teams.calls).toHaveLength(1);
  });

  it('a 403 in one conversation does not hold back another', async () => {
    const { clock, timer, elapsed } = fakeTime();
    const sender = new ProactiveSender({ clock, timer });
    await sender.run({ conversationId: 'blocked' }, connector(403).request(elapsed));
    const other = connector();
    await sender.run({ conversationId: 'other' }, other.request(elapsed));
    expect(other.calls).toEqual([0]);
  });

  it('other failures go straight to the caller', async () => {
    const { clock, timer, elapsed } = fakeTime();
    const sender = new ProactiveSender({ clock, timer });
    const teams = connector(400);
    await expect(sender.run(target, teams.request(elapsed))).rejects.toMatchObject({ statusCode: 400 });
    expect(teams.calls).toHaveLength(1);
  });

  it('gives up (DeliveryDeferred) rather than wait past the deadline it was given, and frees the place it booked', async () => {
    const { clock, timer, elapsed } = fakeTime();
    const sender = new ProactiveSender({ clock, timer, guardMs: 0 });
    for (let i = 0; i < 7; i++) await sender.run(target, async () => undefined);
    await expect(sender.run(target, async () => undefined, 500)).rejects.toBeInstanceOf(DeliveryDeferred);
    const later = connector();
    await sender.run(target, later.request(elapsed));
    expect(later.calls).toEqual([1_000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-20T08:00:00Z');
    expect(retryAfterMs(httpError(429, { 'retry-after': '2' }), now)).toBe(2_000);
    expect(retryAfterMs(httpError(429, { 'retry-after': 'Fri, 20 Nov 2026 08:00:04 GMT' }), now)).toBe(4_000);
    expect(retryAfterMs(httpError(429), now)).toBeUndefined();
  });
});
