import type { Meeting } from '../../domain/meeting';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import { MEETINGS } from './meeting-records';

/**
 * Writes a changed meeting under the eTag it was read with. False when someone else changed it
 * in between: nothing is written, and the caller says so ("changed meanwhile") rather than overwrite.
 */
export async function replaceMeeting(
  store: RecordStore,
  read: StoredRecord<Meeting>,
  changed: Meeting,
): Promise<boolean> {
  try {
    await store.replace<Meeting>(MEETINGS, read.id, changed, read.etag);
    return true;
  } catch (e) {
    if (isStoreError(e, 'STORE.PRECONDITION_FAILED')) return false;
    throw e;
  }
}
