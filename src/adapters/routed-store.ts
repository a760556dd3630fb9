import type { ListName, RecordStore, StoredRecord, Where } from '../ports/record-store';

/**
 * Two stores behind one port: the product's own machinery (jobs and the outbox, conversation
 * references, identity links, Teams users, delivery failures) goes to `machinery` (Azure
 * Table Storage when several instances run), everything else to `records` (SharePoint or
 * SQLite). A collection lives in exactly one of them, so every call goes to one store.
 */
export class RoutedStore implements RecordStore {
  constructor(
    private readonly machinery: RecordStore,
    private readonly records: RecordStore,
    private readonly machineryLists: ReadonlySet<string>,
  ) {}

  private to(list: ListName): RecordStore {
    return this.machineryLists.has(list) ? this.machinery : this.records;
  }

  get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> {
    return this.to(list).get<T>(list, id);
  }

  find<T>(list: ListName, where?: Where): Promise<StoredRecord<T>[]> {
    return this.to(list).find<T>(list, where);
  }

  create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    return this.to(list).create(list, id, value);
  }

  replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    return this.to(list).replace(list, id, value, ifMatch);
  }

  remove(list: ListName, id: string, ifMatch?: string): Promise<void> {
    return this.to(list).remove(list, id, ifMatch);
  }

  async close(): Promise<void> {
    await Promise.all([this.machinery.close(), this.records.close()]);
  }
}
