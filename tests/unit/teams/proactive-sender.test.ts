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

/** An error as the Bot Framework SDK throws it for an HTTP status (its RestError carries Teams' code as `code`). */
const httpError = (status: number, headers: Record<string, string> = {}, code?: string) =>
  Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    ...(code && { code }),
    response: { status, headers: { get: (n: string) => headers[n] } },
  });

/** A request that fails with the given statuses in turn, then succeeds; counts its calls. */
function connector(...failures: number[]) {
  const calls: number[] = [];
  return {
    calls,
    request:
      (elapsed: () => number, headers: Record<string, string> = {}) =>
      async () => {
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
    const sender = new ProactiveSender({
      clock,
      timer,
      random: () => 1,
      maxRetries: 6,
      backoff: { baseMs: 500, maxMs: 2_000 },
    });
    const teams = connector(502, 502, 502, 502, 502, 502, 502, 502);
    await expect(sender.run(target, teams.request(elapsed))).rejects.toMatchObject({ statusCode: 502 });
    expect(teams.calls).toHaveLength(7);
    expect(Math.max(...waits)).toBe(2_000);
  });

  it.each([
    [403, 'ConversationBlockedByUser', 'blocked-by-user'],
    [403, 'BotNotInConversationRoster', 'bot-removed'],
    [403, 'BotDisabledByAdmin', 'disabled-by-admin'],
    [403, undefined, 'forbidden'],
    [404, 'ConversationNotFound', 'not-found'],
    [413, 'MessageSizeTooBig', 'too-large'],
  ])('%i %s is refused for good after one request, of kind %s: never retried', async (status, code, kind) => {
    const { clock, timer } = fakeTime();
    const sender = new ProactiveSender({ clock, timer });
    let calls = 0;
    const result = await sender.run(target, async () => {
      calls++;
      throw httpError(status, {}, code);
    });
    expect(result).toEqual({ refused: { kind, status, ...(code && { code }) } });
    expect(calls).toBe(1);
  });

  it('a 429 without Retry-After: its own backoff, growing, jittered within [half, whole] of each step, then the 429 goes to the caller', async () => {
    for (const random of [() => 0, () => 0.999999]) {
      const { clock, timer, waits, elapsed } = fakeTime();
      const sender = new ProactiveSender({ clock, timer, random, guardMs: 0 });
      const teams = connector(429, 429, 429, 429, 429, 429);
      await expect(sender.run(target, teams.request(elapsed))).rejects.toMatchObject({ statusCode: 429 });
      expect(teams.calls).toHaveLength(6); // the first and 5 more: bounded
      const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000];
      expect(waits).toHaveLength(5);
      waits.forEach((w, i) => {
        expect(w).toBeGreaterThanOrEqual(ceilings[i]! / 2);
        expect(w).toBeLessThanOrEqual(ceilings[i]!);
      });
      expect(teams.calls.slice(1).map((t, i) => t - teams.calls[i]!)).toEqual(waits);
    }
  });

  it('a 429 without Retry-After, then accepted: sent, the wait capped', async () => {
    const { clock, timer, waits, elapsed } = fakeTime();
    const sender = new ProactiveSender({
      clock,
      timer,
      random: () => 1,
      maxThrottled: 8,
      throttleBackoff: { baseMs: 1_000, maxMs: 5_000 },
    });
    const teams = connector(429, 429, 429, 429, 429);
    expect(await sender.run(target, teams.request(elapsed))).toEqual({ sent: 'activity-1' });
    expect(waits).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('keeps under 30 requests a second for the tenant by default; the setting raises it', async () => {
    for (const [tenantPerSecond, expected] of [
      [undefined, 1_000],
      [50, 0],
    ] as const) {
      const { clock, timer, elapsed } = fakeTime();
      const sender = new ProactiveSender({ clock, timer, guardMs: 0, ...(tenantPerSecond && { tenantPerSecond }) });
      const moments: number[] = [];
      for (let i = 0; i < 31; i++)
        await sender.run({ conversationId: `c-${i}`, tenantId: 't' }, async () => moments.push(elapsed()));
      expect(moments.filter((m) => m === 0)).toHaveLength(expected === 0 ? 31 : 30);
      expect(moments.at(-1)).toBe(expected);
    }
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
    await expect(sender.run(target, async () => undefined, { waitAtMostMs: 500 })).rejects.toBeInstanceOf(
      DeliveryDeferred,
    );
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

describe('ProactiveSender, a burst to one conversation', () => {
  /** Time moves only when the test says: requests wait side by side. */
  function sideBySide() {
    const clock = new ManualClock();
    const pending: { due: number; run: () => void }[] = [];
    const timer: Timer = { after: (ms, run) => (pending.push({ due: clock.now().getTime() + ms, run }), () => {}) };
    const elapsed = () => clock.now().getTime() - t0.getTime();
    const settle = () => new Promise<void>((r) => setImmediate(r));
    const advance = async (ms: number) => {
      clock.advance(ms);
      for (const p of pending.splice(0))
        if (p.due <= clock.now().getTime()) p.run();
        else pending.push(p);
      await settle();
    };
    return { clock, timer, elapsed, settle, advance };
  }

  it('one request waits for the window; the next ones that would wait are deferred, each to a later place, and come back to it', async () => {
    const { clock, timer, elapsed, settle, advance } = sideBySide();
    const sender = new ProactiveSender({ clock, timer, guardMs: 0 });
    const moments: number[] = [];
    const send = (key: string) => sender.run(target, async () => moments.push(elapsed()), { deferKey: key });
    for (let i = 0; i < 7; i++) await send(`job-${i}`);
    const waiter = send('job-7'); // the 8th in a second: waits in place for its moment
    await settle();
    const caught: unknown[] = [];
    for (let i = 8; i < 16; i++) await send(`job-${i}`).catch((e: unknown) => caught.push(e));
    const deferred = caught.filter((e) => e instanceof DeliveryDeferred);
    expect(deferred).toHaveLength(caught.length);
    // Places kept in turn: 7 free up at 2 s (7/1 s, 8/2 s), the next at 3 s; each comes back 1 s early.
    expect(deferred.map((e) => e.waitMs)).toEqual([...Array(7).fill(2_000), 3_000]);
    expect(deferred.map((e) => e.afterMs)).toEqual([...Array(7).fill(1_000), 2_000]);
    expect(sender.counts.deferred).toBe(8);

    await advance(1_000);
    await waiter;
    expect(moments).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000]);
    // job-8 comes back when told: it takes its kept place (2 s), waiting the last second in place.
    const back = send('job-8');
    await settle();
    await advance(1_000);
    await back;
    expect(moments.at(-1)).toBe(2_000);
  });

  it('without a key (a card update from a turn) a request waits in place behind the others', async () => {
    const { clock, timer, elapsed, settle, advance } = sideBySide();
    const sender = new ProactiveSender({ clock, timer, guardMs: 0 });
    const moments: number[] = [];
    for (let i = 0; i < 7; i++) await sender.run(target, async () => moments.push(elapsed()));
    const waiting = [
      sender.run(target, async () => moments.push(elapsed())),
      sender.run(target, async () => moments.push(elapsed())),
    ];
    await settle();
    await advance(1_000);
    await advance(1_000);
    await Promise.all(waiting);
    expect(moments.slice(7)).toEqual([1_000, 2_000]);
    expect(sender.counts.deferred).toBe(0);
  });
});
