import type { Clock } from '../../../src/ports/clock';
import type { ListName, RecordStore, Where } from '../../../src/ports/record-store';
import type { Timer } from '../../../src/ports/timer';

export const t0 = new Date('2026-11-20T08:00:00.000Z');
export const minutes = (n: number) => n * 60_000;

/** Time that moves only when the test says so. */
export class ManualClock implements Clock {
  private at: Date;
  constructor(start: Date = t0) {
    this.at = new Date(start);
  }
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): Date {
    this.at = new Date(this.at.getTime() + ms);
    return this.now();
  }
}

/** A timer that never fires: for runners only driven by runDue. */
export const idleTimer: Timer = { after: () => () => {} };

/** Counts the calls a store gets, to show what an operation costs in requests. */
export class CountingStore implements RecordStore {
  readonly calls = { get: 0, find: 0, create: 0, replace: 0, remove: 0 };
  constructor(private readonly inner: RecordStore) {}
  get<T>(list: ListName, id: string) {
    this.calls.get++;
    return this.inner.get<T>(list, id);
  }
  find<T>(list: ListName, where?: Where) {
    this.calls.find++;
    return this.inner.find<T>(list, where);
  }
  create<T>(list: ListName, id: string, value: T) {
    this.calls.create++;
    return this.inner.create<T>(list, id, value);
  }
  replace<T>(list: ListName, id: string, value: T, ifMatch: string) {
    this.calls.replace++;
    return this.inner.replace<T>(list, id, value, ifMatch);
  }
  remove(list: ListName, id: string, ifMatch?: string) {
    this.calls.remove++;
    return this.inner.remove(list, id, ifMatch);
  }
  close() {
    return this.inner.close();
  }
}

export interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets other async work (the other runner) interleave, as it would between processes. */
export const yieldToOthers = () => new Promise<void>((r) => setImmediate(r));

/** Counts handler runs by job id: exactly-once means every count is 1. */
export class RunCounter {
  readonly runs = new Map<string, number>();
  add(id: string): void {
    this.runs.set(id, (this.runs.get(id) ?? 0) + 1);
  }
  duplicates(): string[] {
    return [...this.runs].filter(([, n]) => n > 1).map(([id]) => id);
  }
  total(): number {
    return [...this.runs.values()].reduce((a, b) => a + b, 0);
  }
}
