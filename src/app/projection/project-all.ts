import type { RecordStore } from '../../ports/record-store';
import type { ResultListName } from '../../ports/result-lists';
import { HEARINGS, HEARING_RESPONSES } from '../hearings/hearing-records';
import { INPUT_ANSWERS } from '../input/input-records';
import { MEETINGS } from '../meetings/meeting-records';
import { PROJECTORS } from './projectors';
import type { ProjectionDeps } from './project-job';
import { projectRecord } from './project-job';

export interface BackfillReport {
  readonly records: number;
  readonly created: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
}

/**
 * Every record of every projected collection, projected now (`--project-all`): after the lists
 * are first made, after a migration, or to repair a projection missed. Idempotent: run again,
 * it writes nothing. Reads each collection whole, as the records store's small collections
 * are read (docs/storage-queries.md); the rows themselves are looked up by record.
 */
export async function projectAll(
  deps: ProjectionDeps,
  progress: (collection: string, done: number) => void = () => {},
): Promise<BackfillReport> {
  const total = { records: 0, created: 0, updated: 0, removed: 0, unchanged: 0 };
  for (const collection of Object.keys(PROJECTORS)) {
    const lists: readonly ResultListName[] = PROJECTORS[collection]!.lists;
    if (lists.length === 0) continue; // ballot boxes feed their vote's row, projected with the votes
    const records = await recordsOf(deps.store, collection);
    for (const record of records) {
      // Every record is projected here, so what one asks of another is done in its turn.
      const r = await projectRecord(deps, { collection, id: record.id }, { followOthers: false });
      total.records++;
      total.created += r.created;
      total.updated += r.updated;
      total.removed += r.removed;
      total.unchanged += r.unchanged;
    }
    progress(collection, records.length);
  }
  return total;
}

/**
 * A collection's records, read so that no query's first clause grows past the list view
 * threshold: answers and responses (21 per meeting or hearing) per meeting and per hearing.
 */
async function recordsOf(store: RecordStore, collection: string): Promise<{ id: string }[]> {
  const by = async (parents: string, field: string) => {
    const ids = (await store.find(parents)).map((p) => p.id);
    const found: { id: string }[] = [];
    for (const id of ids) found.push(...(await store.find(collection, { [field]: id })));
    return found;
  };
  if (collection === INPUT_ANSWERS) return by(MEETINGS, 'meetingId');
  if (collection === HEARING_RESPONSES) return by(HEARINGS, 'hearingId');
  return store.find(collection);
}
