import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';

/** The collection holding the parts of records too large for one item. */
export const RECORD_PARTS = 'recordParts';
/** The field of a record's item that lists its parts instead of holding its value. */
export const PARTS = '$parts';

/** The parts a stored value points at (none when it is the record itself). */
export function partsOf(value: unknown): readonly string[] {
  const parts = (value as Record<string, unknown> | null)?.[PARTS];
  return Array.isArray(parts) ? (parts as string[]) : [];
}

/** The record a part was written for: its name is `<list>/<id>/<write>/<n>` (the id may hold `/`). */
export function ownerOf(part: string): { readonly list: string; readonly id: string } | undefined {
  const segments = part.split('/');
  if (segments.length < 4) return undefined;
  return { list: segments[0]!, id: segments.slice(1, -2).join('/') };
}

/**
 * Removes parts no record points at (SplitRecords' garbage), oldest write first as listed, at
 * most `max`. A part is kept when its record points at it, and when it was written after
 * `before`: a write in progress writes its parts before its record, so a young part may be
 * about to be pointed at. `recordParts` is listed whole, which SharePoint allows while it
 * holds under 5,000 items (parts go with their records and this sweep); a refusal of that
 * query is given back as finished with nothing removed (docs/storage-queries.md).
 */
export async function sweepOrphanParts(
  inner: RecordStore,
  before: Date,
  max: number,
): Promise<{ removed: number; finished: boolean }> {
  let parts;
  try {
    parts = await inner.find<unknown>(RECORD_PARTS);
  } catch (e) {
    if (isStoreError(e, 'STORE.REJECTED')) return { removed: 0, finished: true };
    throw e;
  }
  const pointedAt = new Map<string, ReadonlySet<string>>();
  let removed = 0;
  for (const part of parts) {
    if (!(Date.parse(part.created) < before.getTime())) continue;
    const owner = ownerOf(part.id);
    if (!owner) continue;
    const key = `${owner.list}/${owner.id}`;
    let live = pointedAt.get(key);
    if (!live) {
      const record = await inner.get<unknown>(owner.list, owner.id);
      live = new Set(record ? partsOf(record.value) : []);
      pointedAt.set(key, live);
    }
    if (live.has(part.id)) continue;
    if (removed >= max) return { removed, finished: false };
    try {
      await inner.remove(RECORD_PARTS, part.id, part.etag);
      removed++;
    } catch (e) {
      if (!isStoreError(e, 'STORE.NOT_FOUND') && !isStoreError(e, 'STORE.PRECONDITION_FAILED')) throw e;
    }
  }
  return { removed, finished: true };
}
