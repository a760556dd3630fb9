import type { WindowStore } from '../../ports/window-store';
import type { LimitedKey } from './sliding-windows';
import { SlidingWindows } from './sliding-windows';

/** The windows as the proactive sender uses them; kept in this process (SlidingWindows) or shared (SharedWindows). */
export interface RateWindows {
  /** Books the earliest allowed moment ≥ `earliest` (by default `now`), forgetting only what `now` has left behind. */
  reserve(keys: readonly LimitedKey[], now: number, earliest?: number): Promise<number>;
  /** Gives back the booking at `from` and books again from `earliest` (by default `now`), in one step. */
  rebook(keys: readonly LimitedKey[], from: number, now: number, earliest?: number): Promise<number>;
  release(keys: readonly LimitedKey[], at: number): Promise<void>;
  move(keys: readonly LimitedKey[], from: number, to: number): Promise<void>;
  holdBack(key: string, until: number): Promise<void>;
}

/**
 * Sliding windows whose bookings live in a store every instance reads: each booking reads the
 * keys' stamps, books with the same rules as in one process (SlidingWindows), and writes the
 * stamps back only if no other instance booked in between (otherwise it books again). So any
 * number of instances together keep to one budget per tenant and per conversation.
 * Within one process the bookings are queued, so instances contend only with each other.
 */
export class SharedWindows implements RateWindows {
  /** This process's bookings go one at a time: many at once would only conflict on the tenant's row. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: WindowStore) {}

  reserve(keys: readonly LimitedKey[], now: number, earliest = now): Promise<number> {
    return this.on(
      keys.map((k) => k.key),
      (w) => w.reserve(keys, now, earliest),
    );
  }

  rebook(keys: readonly LimitedKey[], from: number, now: number, earliest = now): Promise<number> {
    return this.on(
      keys.map((k) => k.key),
      (w) => {
        w.release(keys, from);
        return w.reserve(keys, now, earliest);
      },
    );
  }

  release(keys: readonly LimitedKey[], at: number): Promise<void> {
    return this.on(
      keys.map((k) => k.key),
      (w) => w.release(keys, at),
    );
  }

  move(keys: readonly LimitedKey[], from: number, to: number): Promise<void> {
    return this.on(
      keys.map((k) => k.key),
      (w) => w.move(keys, from, to),
    );
  }

  holdBack(key: string, until: number): Promise<void> {
    return this.on([key], (w) => w.holdBack(key, until));
  }

  private on<R>(keys: readonly string[], act: (windows: SlidingWindows) => R): Promise<R> {
    const turn = this.queue.then(() => this.update(keys, act));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private update<R>(keys: readonly string[], act: (windows: SlidingWindows) => R): Promise<R> {
    return this.store.update(keys, (states) => {
      const windows = new SlidingWindows();
      for (const [key, state] of states) windows.restore(key, state);
      const result = act(windows);
      return { states: new Map(keys.map((key) => [key, windows.stateOf(key)])), result };
    });
  }
}
