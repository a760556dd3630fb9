/** What rate windows remember of one key: its booked call times (ms since the epoch) and a hold (Retry-After). */
export interface KeyState {
  readonly stamps: readonly number[];
  readonly heldUntil?: number;
}

/**
 * Where the rate windows of several instances meet (Teams counts per app and tenant, not per
 * process). `update` reads the states of the keys, lets `change` decide the new ones, and
 * writes them all or none, only if no other instance changed any of them in between; on such
 * a conflict it reads again and calls `change` again. Throws when the store cannot be reached.
 */
export interface WindowStore {
  update<R>(
    keys: readonly string[],
    change: (states: ReadonlyMap<string, KeyState>) => {
      readonly states: ReadonlyMap<string, KeyState>;
      readonly result: R;
    },
  ): Promise<R>;
}
