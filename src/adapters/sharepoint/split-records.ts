import { randomBytes } from 'node:crypto';
import type { ListName, RecordStore, StoredRecord, Where } from '../../ports/record-store';
import { StoreError } from '../../ports/record-store';
import type { OrphanSweeper } from '../../ports/orphan-sweeper';
import { PARTS, RECORD_PARTS, partsOf, sweepOrphanParts } from './orphan-parts';

export { RECORD_PARTS } from './orphan-parts';
/** `{"text":""}`: what a part's JSON adds to the text it carries. */
const PART_OVERHEAD = JSON.stringify({ text: '' }).length;
/** Parts written together: a `$batch` of them stays well under Graph's 4 MB per request. */
const PARTS_AT_ONCE = 8;
/** Reads that meet a part just removed by a newer write read the record again, this often. */
const READ_ATTEMPTS = 3;
/** Records whose parts this instance knows, so a replace need not read before it writes. */
const KNOWN_MAX = 5_000;

export interface SplitLimits {
  /** The most characters the inner store takes for one record's JSON (SharePoint: 63,999). */
  readonly maxChars: number;
  /** The most parts one record may take; beyond, the record is STORE.TOO_LARGE. */
  readonly maxParts: number;
}

interface Part {
  readonly text: string;
}

type Manifest = Record<string, unknown> & { readonly [PARTS]: readonly string[] };

/**
 * Records too large for one item, kept as several (issue 10 part 5): ballot boxes, answer
 * histories and minutes keep every version inside their value and so grow with use. A record
 * whose JSON fits is stored as it is. A larger one is cut into parts (`recordParts`, each
 * written once and never changed, so no version history keeps a part) and its own item holds
 * the list of parts and copies of its short top-level fields, so `find` by them still runs in
 * the store. The record's item stays the one place a write lands: the parts are written first
 * under a fresh name, then the item is replaced with its eTag, then the old parts are removed.
 * A crash or a lost race leaves unreferenced parts, never a record pointing at missing ones.
 * A record needing more than `maxParts` is refused before anything is written: STORE.TOO_LARGE,
 * which no retry mends.
 */
export class SplitRecords implements RecordStore, OrphanSweeper {
  /** `list/id` → the eTag last seen and the parts it points at. */
  private readonly known = new Map<string, { readonly etag: string; readonly parts: readonly string[] }>();

  constructor(
    private readonly inner: RecordStore,
    private readonly limits: SplitLimits,
  ) {}

  async get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> {
    for (let attempt = 1; ; attempt++) {
      const record = await this.inner.get<unknown>(list, id);
      if (!record) return undefined;
      const opened = await this.opened<T>(list, record);
      if (opened || attempt >= READ_ATTEMPTS) return opened ?? this.partMissing(list, id);
    }
  }

  async find<T>(list: ListName, where: Where = {}): Promise<StoredRecord<T>[]> {
    // The item holds copies of short fields only: longer values are matched after opening.
    const stored = Object.fromEntries(Object.entries(where).filter(([, v]) => copied(v)));
    const found: StoredRecord<T>[] = [];
    for (const record of await this.inner.find<unknown>(list, stored)) {
      const opened = (await this.opened<T>(list, record)) ?? (await this.get<T>(list, record.id));
      if (opened && matches(opened.value, where)) found.push(opened);
    }
    return found;
  }

  async create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    const { write, parts } = await this.prepared(list, id, value);
    try {
      return this.remembered(list, await this.inner.create(list, id, write), value, parts);
    } catch (e) {
      await this.removeParts(parts);
      throw e;
    }
  }

  async replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    const before = await this.partsAt(list, id, ifMatch);
    const { write, parts } = await this.prepared(list, id, value);
    let record: StoredRecord<T>;
    try {
      record = this.remembered(list, await this.inner.replace(list, id, write, ifMatch), value, parts);
    } catch (e) {
      await this.removeParts(parts);
      throw e;
    }
    await this.removeParts(before);
    return record;
  }

  async remove(list: ListName, id: string, ifMatch?: string): Promise<void> {
    const before = await this.partsAt(list, id, ifMatch);
    await this.inner.remove(list, id, ifMatch);
    this.known.delete(`${list}/${id}`);
    await this.removeParts(before);
  }

  /** Parts left by a write that died, or by a record that shrank (orphan-parts.ts). */
  sweepOrphans(before: Date, max: number): Promise<{ removed: number; finished: boolean }> {
    return sweepOrphanParts(this.inner, before, max);
  }

  close(): Promise<void> {
    this.known.clear();
    return this.inner.close();
  }

  /** What to store for a value: itself when it fits, else its parts (written now) and the manifest. */
  private async prepared(list: ListName, id: string, value: unknown): Promise<{ write: unknown; parts: string[] }> {
    const text = JSON.stringify(value);
    if (text.length <= this.limits.maxChars) return { write: value, parts: [] };
    const pieces = cut(text, this.limits.maxChars - PART_OVERHEAD);
    if (pieces.length > this.limits.maxParts)
      throw new StoreError('STORE.TOO_LARGE', list, id, {
        cause: new Error(
          `The record is ${text.length} characters: ${pieces.length} parts of ${this.limits.maxChars}, more than the ${this.limits.maxParts} a record may take.`,
        ),
      });
    const name = `${list}/${id}/${randomBytes(6).toString('hex')}`;
    const parts = pieces.map((_, i) => `${name}/${i}`);
    try {
      for (let at = 0; at < pieces.length; at += PARTS_AT_ONCE)
        await Promise.all(
          pieces
            .slice(at, at + PARTS_AT_ONCE)
            .map((piece, i) => this.inner.create<Part>(RECORD_PARTS, parts[at + i]!, { text: piece })),
        );
    } catch (e) {
      await this.removeParts(parts);
      throw e;
    }
    return { write: manifest(value, parts), parts };
  }

  /** The record's value, its parts joined; undefined when a part is gone (a newer write removed it). */
  private async opened<T>(list: ListName, record: StoredRecord<unknown>): Promise<StoredRecord<T> | undefined> {
    const parts = partsOf(record.value);
    this.remember(`${list}/${record.id}`, record.etag, parts);
    if (parts.length === 0) return record as StoredRecord<T>;
    const texts: string[] = [];
    for (let at = 0; at < parts.length; at += PARTS_AT_ONCE) {
      const read = await Promise.all(
        parts.slice(at, at + PARTS_AT_ONCE).map((p) => this.inner.get<Part>(RECORD_PARTS, p)),
      );
      for (const part of read) {
        if (!part) return undefined;
        texts.push(part.value.text);
      }
    }
    return { ...record, value: JSON.parse(texts.join('')) as T };
  }

  /** The parts the record points at when its eTag is `ifMatch` (read if this instance does not know). */
  private async partsAt(list: ListName, id: string, ifMatch: string | undefined): Promise<readonly string[]> {
    const seen = this.known.get(`${list}/${id}`);
    if (seen && (ifMatch === undefined || seen.etag === ifMatch)) return seen.parts;
    const record = await this.inner.get<unknown>(list, id);
    return record ? partsOf(record.value) : [];
  }

  private remembered<T>(list: ListName, record: StoredRecord<unknown>, value: T, parts: string[]): StoredRecord<T> {
    this.remember(`${list}/${record.id}`, record.etag, parts);
    return { ...record, value };
  }

  private remember(key: string, etag: string, parts: readonly string[]): void {
    this.known.delete(key);
    this.known.set(key, { etag, parts });
    if (this.known.size > KNOWN_MAX) this.known.delete(this.known.keys().next().value!);
  }

  /** Parts no record points at any longer; one left behind is only garbage, so failures are let be. */
  private async removeParts(parts: readonly string[]): Promise<void> {
    for (let at = 0; at < parts.length; at += PARTS_AT_ONCE)
      await Promise.all(
        parts.slice(at, at + PARTS_AT_ONCE).map((p) => this.inner.remove(RECORD_PARTS, p).catch(() => undefined)),
      );
  }

  private partMissing(list: ListName, id: string): never {
    throw new StoreError('STORE.UNAVAILABLE', list, id, {
      cause: new Error('A part of the record was removed while it was read, each time it was read.'),
    });
  }
}

/** A where value the record's own item carries a copy of. */
const copied = (v: unknown): boolean =>
  v === null || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 255);

const matches = (value: unknown, where: Where): boolean =>
  Object.entries(where).every(([f, v]) => ((value as Record<string, unknown> | null)?.[f] ?? null) === v);

function manifest(value: unknown, parts: readonly string[]): Manifest {
  const fields: Record<string, unknown> = {};
  if (value && typeof value === 'object' && !Array.isArray(value))
    for (const [field, v] of Object.entries(value)) if (v !== null && copied(v)) fields[field] = v;
  return { ...fields, [PARTS]: parts };
}

/** The text in pieces whose JSON string is at most `budget` characters, no surrogate pair cut. */
export function cut(text: string, budget: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + budget);
    for (;;) {
      const code = text.charCodeAt(end - 1);
      if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
      const over = JSON.stringify(text.slice(at, end)).length - 2 - budget;
      if (over <= 0) break;
      // Shrink in proportion: where every character is escaped, each one costs two or more.
      end = at + Math.max(1, Math.floor(((end - at) * budget) / (budget + over)));
      if (end === at + 1) break; // only a budget under one escape (6 characters) comes here
    }
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}
