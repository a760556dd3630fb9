/**
 * A pure sliding-window limiter: "at most `limit` calls in any `ms` span", for several
 * windows and several keys at once. It lives in the app layer because the algorithm knows
 * nothing of Teams (Graph has windowed limits too); which windows apply to which key is the
 * Teams adapter's policy (adapters/teams/teams-rate-limits.ts). No I/O and no clock of its
 * own: the caller passes `now` in whole milliseconds, so tests drive it with a fake clock.
 *
 * `reserve` books the earliest moment at which every window of every key given has room,
 * and records the call there at once, so the next caller sees it even before it is made.
 * A call may be booked before calls already booked for later (another conversation waiting
 * on its own window does not hold up this one), as long as no window is overfilled.
 */

import type { KeyState } from '../../ports/window-store';

export interface Window {
  readonly limit: number;
  readonly ms: number;
}

export interface LimitedKey {
  readonly key: string;
  readonly windows: readonly Window[];
}

export class SlidingWindows {
  /** Booked call times per key, sorted ascending. */
  private readonly stamps = new Map<string, number[]>();
  /** Held back until (Retry-After), per key. */
  private readonly heldUntil = new Map<string, number>();
  /** The longest window seen, and reservations since the last sweep of idle keys. */
  private longestMs = 0;
  private sinceSweep = 0;

  /**
   * Books a call for all `keys` at the earliest allowed moment ≥ `earliest` (by default now);
   * returns that moment. Bookings are forgotten only as `now` leaves their windows behind, never
   * as `earliest` does: a booking made ahead must not drop what a booking made for sooner (by
   * another instance, sharing these stamps) still needs to see.
   */
  reserve(keys: readonly LimitedKey[], now: number, earliest = now): number {
    this.sweep(keys, now);
    for (const k of keys) this.forget(k, now);
    const from = Math.max(now, earliest);
    const candidates = new Set<number>([from]);
    for (const k of keys) {
      const held = this.heldUntil.get(k.key);
      if (held !== undefined && held > from) candidates.add(held);
      for (const w of k.windows)
        for (const s of this.stamps.get(k.key) ?? []) if (s + w.ms > from) candidates.add(s + w.ms);
    }
    const sorted = [...candidates].sort((a, b) => a - b);
    const at = sorted.find((t) => keys.every((k) => this.fits(k, t))) ?? sorted.at(-1)!;
    for (const k of keys) insertSorted(this.stampsOf(k.key), at);
    return at;
  }

  /** Nothing more for `key` before `until` (a 429's Retry-After). */
  holdBack(key: string, until: number): void {
    this.heldUntil.set(key, Math.max(this.heldUntil.get(key) ?? 0, until));
  }

  /** Moves a booking, e.g. to when the call really ended (which may break no window: callers only move later). */
  move(keys: readonly LimitedKey[], from: number, to: number): void {
    this.release(keys, from);
    for (const k of keys) insertSorted(this.stampsOf(k.key), to);
  }

  /** Gives back a booking that was not used (the caller gave up before its moment). */
  release(keys: readonly LimitedKey[], at: number): void {
    for (const k of keys) {
      const list = this.stamps.get(k.key);
      const i = list?.indexOf(at) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
    }
  }

  /** Whether a call at `t` overfills no window of `k`, including windows reaching later bookings. */
  private fits(k: LimitedKey, t: number): boolean {
    if ((this.heldUntil.get(k.key) ?? 0) > t) return false;
    const list = this.stamps.get(k.key) ?? [];
    return k.windows.every((w) => {
      // Every span (s - ms, s] that contains t ends at t or at a booking in (t, t + ms).
      for (const end of [t, ...list.slice(lowerBound(list, t + 1), lowerBound(list, t + w.ms))]) {
        if (countIn(list, end - w.ms, end) + 1 > w.limit) return false;
      }
      return true;
    });
  }

  /** Drops bookings too old for any window of the key, and an expired hold. */
  private forget(k: LimitedKey, now: number): void {
    const longest = Math.max(0, ...k.windows.map((w) => w.ms));
    const list = this.stamps.get(k.key);
    if (list) {
      const keep = lowerBound(list, now - longest + 1);
      if (keep > 0) list.splice(0, keep);
      if (list.length === 0) this.stamps.delete(k.key);
    }
    if ((this.heldUntil.get(k.key) ?? 0) <= now) this.heldUntil.delete(k.key);
  }

  /** Now and then, drops keys no window remembers: a conversation written to once is not kept forever. */
  private sweep(keys: readonly LimitedKey[], now: number): void {
    for (const k of keys) for (const w of k.windows) this.longestMs = Math.max(this.longestMs, w.ms);
    if (++this.sinceSweep < 1_000) return;
    this.sinceSweep = 0;
    for (const [key, list] of this.stamps) if ((list.at(-1) ?? 0) <= now - this.longestMs) this.stamps.delete(key);
    for (const [key, until] of this.heldUntil) if (until <= now) this.heldUntil.delete(key);
  }

  /** A key's bookings and hold, to keep them elsewhere (a store shared by several instances). */
  stateOf(key: string): KeyState {
    const held = this.heldUntil.get(key);
    return { stamps: [...(this.stamps.get(key) ?? [])], ...(held !== undefined && { heldUntil: held }) };
  }

  /** Takes a key's bookings and hold as kept elsewhere, replacing what this one had for it. */
  restore(key: string, state: KeyState): void {
    if (state.stamps.length > 0)
      this.stamps.set(
        key,
        [...state.stamps].sort((a, b) => a - b),
      );
    else this.stamps.delete(key);
    if (state.heldUntil !== undefined) this.heldUntil.set(key, state.heldUntil);
    else this.heldUntil.delete(key);
  }

  /** Keys that still hold bookings or a hold (to see that idle ones are let go). */
  get size(): number {
    return new Set([...this.stamps.keys(), ...this.heldUntil.keys()]).size;
  }

  private stampsOf(key: string): number[] {
    let list = this.stamps.get(key);
    if (!list) this.stamps.set(key, (list = []));
    return list;
  }
}

/** Index of the first element ≥ x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bookings in (from, to]. */
function countIn(sorted: readonly number[], from: number, to: number): number {
  return lowerBound(sorted, to + 1) - lowerBound(sorted, from + 1);
}

function insertSorted(sorted: number[], x: number): void {
  sorted.splice(lowerBound(sorted, x + 1), 0, x);
}
