import { describe, expect, it } from 'vitest';
import { ProactiveSender } from '../../../src/adapters/teams/proactive-sender';
import { SharedWindows } from '../../../src/app/scheduling/shared-windows';
import type { Timer } from '../../../src/ports/timer';
import type { KeyState, WindowStore } from '../../../src/ports/window-store';
import { TeamsLimitEnforcer } from '../../fixtures/teams-limit-enforcer';
import { ManualClock } from '../scheduling/scheduling-fixtures';

/**
 * Fake time with an event loop that can be busy: timers fire in order of their due moment, but
 * the n-th to fire may fire `lateBy(n)` ms late, and then every timer due by then fires late too
 * (as when one instance's loop is blocked on a busy machine).
 */
function busyLoop(lateBy: (n: number) => number) {
  const clock = new ManualClock();
  const now = () => clock.now().getTime();
  const pending: { due: number; seq: number; run: () => void }[] = [];
  let seq = 0;
  let fired = 0;
  const timer: Timer = {
    after: (ms, run) => {
      const entry = { due: now() + Math.max(0, ms), seq: seq++, run };
      pending.push(entry);
      return () => {
        const i = pending.indexOf(entry);
        if (i >= 0) pending.splice(i, 1);
      };
    },
  };
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  async function run<T>(work: Promise<T>): Promise<T> {
    const progress = { done: false };
    const result = work.finally(() => (progress.done = true));
    for (;;) {
      await settle();
      if (progress.done) return result;
      pending.sort((a, b) => a.due - b.due || a.seq - b.seq);
      const next = pending.shift();
      if (!next) throw new Error('nothing left to run, yet the work is not done');
      const at = next.due + lateBy(fired++);
      if (at > now()) clock.advance(at - now());
      next.run();
    }
  }
  return { clock, timer, now, run };
}

/** One shared table in memory: every update lands (the store is not what is tested here). */
class MemoryWindowStore implements WindowStore {
  private readonly states = new Map<string, KeyState>();
  async update<R>(
    keys: readonly string[],
    change: (s: ReadonlyMap<string, KeyState>) => { states: ReadonlyMap<string, KeyState>; result: R },
  ): Promise<R> {
    await Promise.resolve();
    const { states, result } = change(new Map(keys.map((k) => [k, this.states.get(k) ?? { stamps: [] }])));
    for (const [k, s] of states) this.states.set(k, s);
    return result;
  }
}

const throttledError = (seconds: string) =>
  Object.assign(new Error('HTTP 429'), {
    statusCode: 429,
    response: {
      status: 429,
      headers: { get: (n: string) => (n.toLowerCase() === 'retry-after' ? seconds : undefined) },
    },
  });

describe('ProactiveSender with shared windows, on a busy event loop', () => {
  it.each([
    ['the first timer fires 300 ms late, and with it every timer due by then', (n: number) => (n === 0 ? 300 : 0)],
    [
      'one timer in twenty fires 200 ms late, and with each every timer due by then',
      (n: number) => (n % 20 === 5 ? 200 : 0),
    ],
  ])(
    'a request woken late books again rather than leave late, so Teams’ windows (written in the fixture) hold: %s',
    async (_, lateBy) => {
      const time = busyLoop(lateBy);
      // Teams' side: 30 a second per tenant, 7/1 s and 8/2 s per conversation (the fixture, from the docs).
      const teams = new TeamsLimitEnforcer(time.now);
      const sender = new ProactiveSender({
        clock: time.clock,
        timer: time.timer,
        shared: new SharedWindows(new MemoryWindowStore()),
        guardMs: 50,
      });
      const sent: number[] = [];
      const all = Promise.all(
        Array.from({ length: 90 }, (_, i) =>
          sender.run({ conversationId: `c-${i}`, tenantId: 't' }, async () => {
            const refusal = teams.answer(`c-${i}`);
            if (refusal) throw throttledError(refusal.headers?.['retry-after'] ?? '1');
            sent.push(time.now());
            return i;
          }),
        ),
      );
      await time.run(all);
      expect(sent).toHaveLength(90);
      expect(teams.count(429)).toBe(0);
    },
  );
});
