import type { RecordStore, StoredRecord, Where } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import { JOBS } from '../scheduling/job';
import type { Job } from '../scheduling/job';

/** One query's records, or, when the old store refused it for good, the query it refused. */
export type Batch = { readonly records: readonly StoredRecord<unknown>[] } | { readonly refused: string };

const DAY_MS = 24 * 60 * 60_000;

/**
 * The records of one machinery collection in the old store, a query at a time (the caller
 * moves each batch before the next query is sent). Jobs are read by the indexed clauses the
 * product's own queries use (docs/storage-queries.md), so no query meets SharePoint's list view
 * threshold on a list that passed it long ago: the unfinished and failed ones by state, the
 * finished ones one UTC day at a time over the retention period (they are the idempotency keys
 * that keep a sent reminder from being sent twice), and last, by state, whatever finished jobs
 * are left (undated ones, from before schema 4, or older than retention keeps); by then the
 * dated ones have moved out, so that query matches only those. A record met twice is given
 * once. The other collections stay small (people, chats, failures kept 90 days) and are read
 * whole.
 */
export async function* machineryBatches(
  source: RecordStore,
  collection: string,
  options: { readonly now: Date; readonly retentionDays: number },
): AsyncGenerator<Batch> {
  if (collection !== JOBS) {
    yield { records: await source.find(collection) };
    return;
  }
  const queries: Where[] = [{ state: 'pending' }, { state: 'claimed' }, { state: 'failed' }];
  for (let d = 0; d <= options.retentionDays + 1; d++)
    queries.push({ finishedDay: new Date(options.now.getTime() - d * DAY_MS).toISOString().slice(0, 10) });
  queries.push({ state: 'done' }, { state: 'cancelled' });
  const seen = new Set<string>();
  for (const where of queries) {
    let found: StoredRecord<Job>[];
    try {
      found = await source.find<Job>(collection, where);
    } catch (e) {
      if (!isStoreError(e, 'STORE.REJECTED')) throw e;
      yield { refused: JSON.stringify(where) };
      continue;
    }
    const records = found.filter((r) => !seen.has(r.id));
    for (const r of records) seen.add(r.id);
    if (records.length > 0) yield { records };
  }
}
