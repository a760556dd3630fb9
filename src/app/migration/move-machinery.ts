import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import { JOBS } from '../scheduling/job';
import type { Job } from '../scheduling/job';
import { machineryBatches } from './machinery-sources';

/** What the move found and did for one collection. */
export interface CollectionMove {
  readonly collection: string;
  /** Records in the old store. */
  found: number;
  /** Written to the new store now (or, in a dry run, to be written). */
  moved: number;
  /** Already in the new store, as they are in the old (a run cut short wrote them). */
  alreadyThere: number;
  /** In the new store from an earlier run, changed in the old since: written over with the old store's newer value. */
  updated: number;
  /** Changed in the new store since an earlier run: the new store's value is kept. */
  newerThere: number;
  /** Changed in the old store while this run read it (something still writes there): left for the next run. */
  changedMeanwhile: number;
  /** Queries the old store refused for good: their records stay there. */
  readonly refused: string[];
}

export interface MoveOptions {
  /** False: read only, count what would move. */
  readonly apply: boolean;
  readonly now: Date;
  readonly retentionDays: number;
}

/**
 * Moves the machinery collections from one store to another: each record is written to the
 * new store first, and only once it is there removed from the old (with its eTag, so a record
 * changed meanwhile is not lost but left for the next run). A run cut short at any point is
 * finished by running again: a record already in the new store is not written twice, and a
 * second full run finds nothing. Run with the bot stopped; a job claimed under a live lease
 * means a runner still works on the old store, and the move refuses to start (`apply`).
 */
export async function moveMachinery(
  source: RecordStore,
  target: RecordStore,
  collections: readonly string[],
  options: MoveOptions,
): Promise<CollectionMove[]> {
  if (options.apply) await refuseLiveClaims(source, options.now);
  const moves: CollectionMove[] = [];
  for (const collection of collections) {
    const move: CollectionMove = {
      collection,
      found: 0,
      moved: 0,
      alreadyThere: 0,
      updated: 0,
      newerThere: 0,
      changedMeanwhile: 0,
      refused: [],
    };
    for await (const batch of machineryBatches(source, collection, options)) {
      if ('refused' in batch) {
        move.refused.push(batch.refused);
        continue;
      }
      for (const record of batch.records) {
        move.found++;
        await moveOne(source, target, collection, record, move, options.apply);
      }
    }
    moves.push(move);
  }
  return moves;
}

async function moveOne(
  source: RecordStore,
  target: RecordStore,
  collection: string,
  record: StoredRecord<unknown>,
  move: CollectionMove,
  apply: boolean,
): Promise<void> {
  const there = await target.get<unknown>(collection, record.id);
  if (!there) {
    move.moved++;
    if (!apply) return;
    try {
      await target.create(collection, record.id, record.value);
    } catch (e) {
      if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
    }
  } else if (JSON.stringify(there.value) === JSON.stringify(record.value)) move.alreadyThere++;
  else if (Date.parse(record.modified) > Date.parse(there.modified)) {
    move.updated++;
    if (apply) await target.replace(collection, record.id, record.value, there.etag);
  } else move.newerThere++;
  if (!apply) return;
  try {
    await source.remove(collection, record.id, record.etag);
  } catch (e) {
    if (isStoreError(e, 'STORE.PRECONDITION_FAILED')) move.changedMeanwhile++;
    else if (!isStoreError(e, 'STORE.NOT_FOUND')) throw e;
  }
}

/** A job claimed until later than now: a runner is working on the old store. */
export async function liveClaims(source: RecordStore, now: Date): Promise<StoredRecord<Job>[]> {
  const claimed = await source.find<Job>(JOBS, { state: 'claimed' });
  return claimed.filter((r) => r.value.claim !== undefined && r.value.claim.until > now.toISOString());
}

async function refuseLiveClaims(source: RecordStore, now: Date): Promise<void> {
  const live = await liveClaims(source, now);
  if (live.length === 0) return;
  const until = live.map((r) => r.value.claim!.until).sort()[live.length - 1];
  throw new Error(
    `MIGRATE.BOT_RUNNING: ${live.length} job(s) are claimed by a runner until ${until} (${live
      .slice(0, 3)
      .map((r) => r.id)
      .join(', ')}): stop the bot, wait until then, and run again`,
  );
}
