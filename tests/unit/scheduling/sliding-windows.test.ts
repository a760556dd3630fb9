import { describe, expect, it } from 'vitest';
import { SlidingWindows } from '../../../src/app/scheduling/sliding-windows';
import { teamsLimitKeys } from '../../../src/adapters/teams/teams-rate-limits';
import type { LimitedKey } from '../../../src/app/scheduling/sliding-windows';

/** Teams' documented limits (bots/how-to/rate-limit.md), written here rather than taken from the product. */
const TEAMS_CONVERSATION_LIMITS = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];
const TEAMS_TENANT_LIMITS = [{ limit: 30, ms: 1_000 }];

const conversation = (id: string): LimitedKey => ({ key: `conversation:${id}`, windows: TEAMS_CONVERSATION_LIMITS });
const tenant: LimitedKey = { key: 'tenant', windows: TEAMS_TENANT_LIMITS };
const both = (id: string) => [conversation(id), tenant];

/** Books `n` calls all asked for at `now`; returns the moments given. */
const book = (w: SlidingWindows, keys: LimitedKey[], n: number, now = 0) =>
  Array.from({ length: n }, () => w.reserve(keys, now));

/** The most calls in any span of `ms` among sorted moments. */
function busiest(moments: readonly number[], ms: number): number {
  let most = 0;
  for (let i = 0, j = 0; j < moments.length; j++) {
    while (moments[j]! - moments[i]! >= ms) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('sliding windows with Teams limits, on a fake clock', () => {
  it('7 per second: the 8th call to a conversation waits until the first leaves the second', () => {
    const w = new SlidingWindows();
    expect(book(w, both('a'), 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000]);
  });

  it('8 per 2 s: the 9th waits until the first leaves the two seconds, though the 1 s window has room', () => {
    const w = new SlidingWindows();
    const moments = book(w, both('a'), 10);
    expect(moments.slice(7)).toEqual([1_000, 2_000, 2_000]);
    expect(busiest(moments, 2_000)).toBe(8);
  });

  it('60 per 30 s and 1800 per hour hold over a long burst to one conversation', () => {
    const w = new SlidingWindows();
    const moments = book(w, both('a'), 1_900);
    for (const { limit, ms } of TEAMS_CONVERSATION_LIMITS) expect(busiest(moments, ms)).toBeLessThanOrEqual(limit);
    expect(moments[60]).toBe(30_000); // the 61st: the 30 s window was full before the 2 s one allowed it
    expect(moments[1_800]).toBeGreaterThanOrEqual(3_600_000);
  });

  it('30 per second for the tenant across conversations: the 31st waits a second', () => {
    const w = new SlidingWindows();
    const moments = Array.from({ length: 120 }, (_, i) => w.reserve(both(`c${i}`), 0));
    expect(moments.filter((m) => m === 0)).toHaveLength(30);
    expect(moments[30]).toBe(1_000);
    expect(busiest(moments, 1_000)).toBe(30);
  });

  it('a conversation waiting on its own windows does not hold up another conversation', () => {
    const w = new SlidingWindows();
    book(w, both('busy'), 30); // booked into the future
    expect(w.reserve(both('other'), 0)).toBe(0);
  });

  it('asking later finds the windows emptied by time passing', () => {
    const w = new SlidingWindows();
    book(w, both('a'), 7, 0);
    expect(w.reserve(both('a'), 999)).toBe(1_000);
    expect(w.reserve(both('a'), 5_000)).toBe(5_000);
  });

  it('a hold (Retry-After) keeps the key closed until it ends, then the windows apply again', () => {
    const w = new SlidingWindows();
    w.holdBack('conversation:a', 3_000);
    expect(w.reserve(both('a'), 0)).toBe(3_000);
    expect(w.reserve(both('b'), 0)).toBe(0);
    w.holdBack('tenant', 2_000);
    expect(w.reserve(both('b'), 100)).toBe(2_000);
  });

  it('a released booking frees its place, and a moved one counts where it was moved to', () => {
    const w = new SlidingWindows();
    const once: LimitedKey[] = [{ key: 'one', windows: [{ limit: 1, ms: 1_000 }] }];
    w.release(once, w.reserve(once, 0));
    expect(w.reserve(once, 0)).toBe(0);
    w.move(once, 0, 300); // the call really ended at 300
    expect(w.reserve(once, 0)).toBe(1_300);
  });

  it('lets go of conversations no window remembers any more', () => {
    const w = new SlidingWindows();
    for (let i = 0; i < 999; i++) w.reserve(both(`once-${i}`), i * 50);
    expect(w.size).toBe(1_000); // 999 conversations and the tenant
    w.reserve(both('later'), 2 * 3_600_000);
    expect(w.size).toBe(2);
  });

  it('the Teams keys lengthen only the short windows by the guard', () => {
    const [c, t] = teamsLimitKeys('a', 'tenant-1', 10);
    expect(c!.windows.map((x) => x.ms)).toEqual([1_010, 2_010, 30_000, 3_600_000]);
    expect(t).toEqual({ key: 'tenant:tenant-1', windows: [{ limit: 30, ms: 1_010 }] });
  });
});
