import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import type { Job } from '../scheduling/job';
import { JOBS, newJob } from '../scheduling/job';
import type { RecordRef } from './projectors';

/** The job kind that brings one record's rows in step with it. */
export const PROJECT = 'project';

/** One job per record, `project:<collection>:<id>`: a burst of writes makes one run, not one each. */
export const projectionJobId = (ref: RecordRef): string => `project:${ref.collection}:${ref.id}`;

/**
 * Asks for the record's rows to be brought in step. The job reads the record when it runs,
 * so a pending one already covers this write. A job already run (or running: it may have read
 * the record before this write) is put back to pending; a runner still holding it then loses
 * its claim when it settles, and the job runs again with what is stored now.
 */
export async function requestProjection(store: RecordStore, clock: Clock, ref: RecordRef): Promise<void> {
  const id = projectionJobId(ref);
  const fresh = (): Job<RecordRef> =>
    newJob({ id, kind: PROJECT, dueAt: clock.now(), payload: { collection: ref.collection, id: ref.id } }, clock.now());
  for (let attempt = 1; ; attempt++) {
    const current = await store.get<Job<RecordRef>>(JOBS, id);
    try {
      if (!current) await store.create(JOBS, id, fresh());
      else if (current.value.state === 'pending' && !current.value.claim) return;
      else await store.replace(JOBS, id, fresh(), current.etag);
      return;
    } catch (e) {
      const raced = isStoreError(e, 'STORE.ALREADY_EXISTS') || isStoreError(e, 'STORE.PRECONDITION_FAILED');
      if (!raced || attempt >= 3) throw e;
    }
  }
}
