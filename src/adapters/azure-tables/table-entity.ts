import type { StoredRecord } from '../../ports/record-store';

/**
 * A record as a Table Storage entity. Table Storage keeps a string property to 64 KiB
 * (UTF-16: 32,768 code units) and an entity to 1 MiB; so the value's JSON is cut into
 * properties `v0`, `v1`, … of at most `CHUNK` characters, and a value whose JSON passes
 * `VALUE_MAX` characters (with the copies in its index rows, a transaction stays under
 * Table Storage's 4 MiB too) is refused before anything is sent.
 */
export const CHUNK = 30_000;
export const VALUE_MAX = 450_000;

export interface RecordEntity {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly id: string;
  /** The record's version: `<incarnation>.<count>`, the store's eTag. */
  readonly ver: string;
  readonly created: string;
  readonly modified: string;
  /** Chunks of the value's JSON. */
  readonly n: number;
  /** On the record row: the rows of its index entries, as JSON, to remove them with it. */
  readonly ix?: string;
  /** A record half removed (the process stopped between the two steps): it reads as missing. */
  readonly gone?: boolean;
  readonly [chunk: `v${number}`]: string;
}

export type RecordFields = Omit<RecordEntity, 'partitionKey' | 'rowKey'>;

/** The value's JSON, or undefined when it passes what one entity holds. */
export function jsonOf(value: unknown): string | undefined {
  const json = stringified(value) ?? 'null';
  return json.length > VALUE_MAX ? undefined : json;
}

/** JSON.stringify as it is: undefined (and a function) has no JSON, whatever the library's type says. */
const stringified = (value: unknown): string | undefined => JSON.stringify(value);

export function fieldsOf(id: string, ver: string, json: string, created: string, modified: string): RecordFields {
  const chunks: Record<string, string> = {};
  let n = 0;
  for (let at = 0; at < json.length || n === 0; at += CHUNK) chunks[`v${n++}`] = json.slice(at, at + CHUNK);
  return { id, ver, created, modified, n, ...chunks };
}

export function recordOf<T>(entity: Readonly<Record<string, unknown>>): StoredRecord<T> {
  const n = Number(entity.n ?? 0);
  let json = '';
  for (let i = 0; i < n; i++) {
    const chunk = entity[`v${i}`];
    if (typeof chunk === 'string') json += chunk;
  }
  return {
    id: String(entity.id),
    etag: `"${String(entity.ver)}"`,
    value: JSON.parse(json || 'null') as T,
    created: String(entity.created),
    modified: String(entity.modified),
  };
}

/** The version inside an eTag given back by a caller (quotes and a weak prefix dropped). */
export const versionOf = (etag: string): string => etag.replace(/^W\//, '').replace(/"/g, '');
