/**
 * The store port. Shaped after SharePoint lists so one adapter can be a list per
 * record type: records have ids, a JSON value and an eTag for optimistic concurrency.
 * There are no cross-record transactions here on purpose (SharePoint has none):
 * use cases stay correct with eTag-guarded writes and idempotent ids.
 */
export type ListName = 'conversations' | 'identityLinks' | 'auditLog' | (string & { readonly __list?: never });

export interface StoredRecord<T> {
  readonly id: string;
  /** Opaque version; pass it back as `ifMatch` to update. */
  readonly etag: string;
  readonly value: T;
  readonly created: string;
  readonly modified: string;
}

/** Equality on top-level fields of the value. Adapters index the fields they are asked about. */
export type Where = Readonly<Record<string, string | number | boolean | null>>;

export interface RecordStore {
  get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined>;
  find<T>(list: ListName, where?: Where): Promise<StoredRecord<T>[]>;
  /** Fails with `STORE.ALREADY_EXISTS` when the id is taken: ids double as idempotency keys. */
  create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>>;
  /** Fails with `STORE.PRECONDITION_FAILED` when `ifMatch` is not the current eTag. */
  replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>>;
  remove(list: ListName, id: string, ifMatch?: string): Promise<void>;
  close(): Promise<void>;
}

export type StoreErrorCode =
  | 'STORE.ALREADY_EXISTS'
  | 'STORE.PRECONDITION_FAILED'
  | 'STORE.NOT_FOUND'
  /** The store could not be reached or kept throttling: trying later may work. */
  | 'STORE.UNAVAILABLE'
  /** The record, its id or the request is larger than the store takes: trying again cannot work. */
  | 'STORE.TOO_LARGE'
  /** The store refused the request for good (a query over SharePoint's list view threshold, a 400). */
  | 'STORE.REJECTED';

/** Errors that no retry will mend: a job meeting one should fail at once rather than use up its attempts. */
export const isPermanentStoreError = (e: unknown): boolean =>
  isStoreError(e, 'STORE.TOO_LARGE') || isStoreError(e, 'STORE.REJECTED');

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly list: string,
    readonly id: string,
    options?: { cause?: unknown },
  ) {
    super(`${code} ${list}/${id}`, options);
    this.name = 'StoreError';
  }
}

export const isStoreError = (e: unknown, code?: StoreErrorCode): e is StoreError =>
  e instanceof StoreError && (code === undefined || e.code === code);

/**
 * Read-modify-write with the eTag: on a concurrent change, read again and reapply.
 * `change` returns the new value, or undefined to leave the record as it is.
 */
export async function upsert<T>(
  store: RecordStore,
  list: ListName,
  id: string,
  change: (current: T | undefined) => T | undefined,
  attempts = 5,
): Promise<StoredRecord<T> | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.get<T>(list, id);
    const next = change(current?.value);
    if (next === undefined) return current;
    try {
      return current ? await store.replace(list, id, next, current.etag) : await store.create(list, id, next);
    } catch (e) {
      const raced = isStoreError(e, 'STORE.PRECONDITION_FAILED') || isStoreError(e, 'STORE.ALREADY_EXISTS');
      if (!raced || attempt >= attempts) throw e;
    }
  }
}
