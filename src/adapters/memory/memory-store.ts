import type { ListName, RecordStore, StoredRecord, Where } from '../../ports/record-store';
import { StoreError } from '../../ports/record-store';

/** In-process store for unit tests of use cases; passes the same contract as the real ones. */
export class MemoryStore implements RecordStore {
  private readonly lists = new Map<string, Map<string, StoredRecord<unknown>>>();
  private counter = 0;

  private list(name: string): Map<string, StoredRecord<unknown>> {
    let l = this.lists.get(name);
    if (!l) this.lists.set(name, (l = new Map<string, StoredRecord<unknown>>()));
    return l;
  }

  async get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> {
    return clone(this.list(list).get(id)) as StoredRecord<T> | undefined;
  }

  async find<T>(list: ListName, where: Where = {}): Promise<StoredRecord<T>[]> {
    return [...this.list(list).values()]
      .filter((r) => Object.entries(where).every(([k, v]) => ((r.value as Record<string, unknown>)[k] ?? null) === v))
      .map((r) => clone(r) as StoredRecord<T>);
  }

  async create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    const l = this.list(list);
    if (l.has(id)) throw new StoreError('STORE.ALREADY_EXISTS', list, id);
    const now = new Date().toISOString();
    const record = { id, etag: this.nextEtag(), value: clone(value), created: now, modified: now };
    l.set(id, record);
    return clone(record);
  }

  async replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    const l = this.list(list);
    const current = l.get(id);
    if (!current) throw new StoreError('STORE.NOT_FOUND', list, id);
    if (current.etag !== ifMatch) throw new StoreError('STORE.PRECONDITION_FAILED', list, id);
    const record = { ...current, etag: this.nextEtag(), value: clone(value), modified: new Date().toISOString() };
    l.set(id, record);
    return clone(record);
  }

  async remove(list: ListName, id: string, ifMatch?: string): Promise<void> {
    const l = this.list(list);
    const current = l.get(id);
    if (!current) throw new StoreError('STORE.NOT_FOUND', list, id);
    if (ifMatch !== undefined && current.etag !== ifMatch) throw new StoreError('STORE.PRECONDITION_FAILED', list, id);
    l.delete(id);
  }

  async close(): Promise<void> {
    // Nothing to close: the records live in this object.
  }

  private nextEtag(): string {
    return `"m${++this.counter}"`;
  }
}

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
