import { setTimeout as sleep } from 'node:timers/promises';
import type { ListName, RecordStore, StoredRecord, Where } from '../src/ports/record-store';

/**
 * A RecordStore decorator that adds a fixed delay before every call and counts the calls
 * by operation and list. With a delay of 0 it only counts. The delay stands for a store
 * reached over the network (SharePoint lists through Graph, for instance); the work
 * itself is still done by the wrapped store.
 */
export class DelayedStore implements RecordStore {
  /** Milliseconds added to every call; can be changed between runs. */
  delayMs = 0;
  private counts = new Map<string, number>();

  constructor(readonly inner: RecordStore) {}

  /** Calls since the last take, by `operation list`, e.g. `get ballotBoxes`. */
  takeCounts(): Map<string, number> {
    const taken = this.counts;
    this.counts = new Map();
    return taken;
  }

  private async before(operation: string, list: ListName): Promise<void> {
    const key = `${operation} ${list}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.delayMs > 0) await sleep(this.delayMs);
  }

  async get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> {
    await this.before('get', list);
    return this.inner.get<T>(list, id);
  }

  async find<T>(list: ListName, where?: Where): Promise<StoredRecord<T>[]> {
    await this.before('find', list);
    return this.inner.find<T>(list, where);
  }

  async create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    await this.before('create', list);
    return this.inner.create<T>(list, id, value);
  }

  async replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    await this.before('replace', list);
    return this.inner.replace<T>(list, id, value, ifMatch);
  }

  async remove(list: ListName, id: string, ifMatch?: string): Promise<void> {
    await this.before('remove', list);
    return this.inner.remove(list, id, ifMatch);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
