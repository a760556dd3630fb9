import type { Clock } from '../../ports/clock';
import { systemClock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';

/** The start-up work each store has had done: one marker per piece, by its name. */
export const BACKFILLS = 'backfills';

export interface BackfillMarker {
  readonly name: string;
  readonly finishedAt: string;
}

/**
 * Runs `work` unless this store has its marker, and writes the marker only once the work has
 * finished: a process that dies half-way leaves none, so the next start does it again. The
 * work must therefore be idempotent (jobs by stable id). Two instances starting together may
 * both run it; the marker is created if absent, so the second create is not an error.
 * Resolves to whether the work ran.
 */
export async function runOnce(
  store: RecordStore,
  name: string,
  work: () => Promise<void>,
  clock: Clock = systemClock,
): Promise<boolean> {
  if (await store.get<BackfillMarker>(BACKFILLS, name)) return false;
  await work();
  try {
    await store.create<BackfillMarker>(BACKFILLS, name, { name, finishedAt: clock.now().toISOString() });
  } catch (e) {
    if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
  }
  return true;
}
