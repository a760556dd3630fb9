import { describe, expect, it } from 'vitest';
import { SharedWindows } from '../../../src/app/scheduling/shared-windows';
import type { LimitedKey } from '../../../src/app/scheduling/sliding-windows';
import type { KeyState, WindowStore } from '../../../src/ports/window-store';

/**
 * A store with a version per write (an eTag): an update lands only if nothing was written since
 * it read, and every update's first try loses, as when another instance booked in between.
 */
class RacingStore implements WindowStore {
  readonly states = new Map<string, KeyState>();
  conflicts = 0;
  private version = 0;
  async update<R>(
    keys: readonly string[],
    change: (s: ReadonlyMap<string, KeyState>) => { states: ReadonlyMap<string, KeyState>; result: R },
  ): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      const seen = this.version;
      const read = new Map(keys.map((k) => [k, this.states.get(k) ?? { stamps: [] }]));
      const { states, result } = change(read);
      await Promise.resolve();
      if (attempt === 0 || this.version !== seen) {
        this.conflicts++;
        continue; // someone wrote first: read again
      }
      for (const [k, s] of states) this.states.set(k, s);
      this.version++;
      return result;
    }
  }
}

// Teams' per-conversation and per-tenant windows, written here (bots/how-to/rate-limit.md).
const conversation: LimitedKey = {
  key: 'conversation:c',
  windows: [
    { limit: 7, ms: 1_000 },
    { limit: 8, ms: 2_000 },
  ],
};
const tenant: LimitedKey = { key: 'tenant:t', windows: [{ limit: 30, ms: 1_000 }] };

describe('windows shared by several instances', () => {
  it('two instances booking together never overfill a window they share', async () => {
    const store = new RacingStore();
    const [one, two] = [new SharedWindows(store), new SharedWindows(store)];
    const booked = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 ? one : two).reserve([conversation, tenant], 0)),
    );
    const sorted = booked.sort((a, b) => a - b);
    for (let i = 0; i + 7 < sorted.length; i++) expect(sorted[i + 7]! - sorted[i]!).toBeGreaterThanOrEqual(1_000);
    for (let i = 0; i + 8 < sorted.length; i++) expect(sorted[i + 8]! - sorted[i]!).toBeGreaterThanOrEqual(2_000);
    expect(store.conflicts).toBeGreaterThan(0);
  });

  it('a hold (Retry-After) taken by one instance holds back the other', async () => {
    const store = new RacingStore();
    await new SharedWindows(store).holdBack(tenant.key, 5_000);
    expect(await new SharedWindows(store).reserve([tenant], 0)).toBe(5_000);
  });

  it('rebooking gives back the old place in the same step', async () => {
    const store = new RacingStore();
    const w = new SharedWindows(store);
    const first = await w.reserve([conversation], 100);
    expect(await w.rebook([conversation], first, 200)).toBe(200);
    expect(store.states.get(conversation.key)?.stamps).toEqual([200]);
  });

  it('a booking made far ahead keeps the stamps a sooner booking by another instance still needs', async () => {
    const store = new RacingStore();
    const [soon, ahead] = [new SharedWindows(store), new SharedWindows(store)];
    // One instance fills the tenant's second at 0.
    const first = await Promise.all(Array.from({ length: 30 }, () => soon.reserve([tenant], 0)));
    // At 100 the other, whose store answers slowly (a long lead), books from 1,100 ...
    const late = await ahead.reserve([tenant], 100, 1_100);
    // ... and the first, with a short lead, books from 150: it must still see the 30 at 0.
    const next = await soon.reserve([tenant], 100, 150);
    const all = [...first, late, next].sort((a, b) => a - b);
    for (let i = 0; i + 30 < all.length; i++) expect(all[i + 30]! - all[i]!).toBeGreaterThanOrEqual(1_000);
    expect(next).toBeGreaterThanOrEqual(1_000);
  });
});
