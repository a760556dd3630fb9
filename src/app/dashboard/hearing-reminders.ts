import { hearingReminders, type Hearing } from '../../domain/hearing';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { reminderJobId } from '../hearings/hearing-jobs';
import { JOBS, type Job } from '../scheduling/job';

/**
 * The reminder jobs of a hearing's current deadline, one per reminder time (their ids are made
 * from the time, `hearing-jobs.ts`), read by id: a time never scheduled (already past when the
 * hearing was registered) has no job. The dashboard shows them and its stamp hashes them.
 */
export async function reminderJobs(
  store: RecordStore,
  h: Pick<Hearing, 'id' | 'internalDeadline' | 'reminderDaysBefore'>,
): Promise<{ at: string; job: StoredRecord<Job> | undefined }[]> {
  const times = hearingReminders(h, new Date(0)).map((r) => r.at);
  return Promise.all(times.map(async (at) => ({ at, job: await store.get<Job>(JOBS, reminderJobId(h.id, at)) })));
}

/** What the tracker says of them: each reminder planned or run, never one called off. */
export async function hearingRemindersShown(
  store: RecordStore,
  h: Pick<Hearing, 'id' | 'internalDeadline' | 'reminderDaysBefore'>,
): Promise<{ readonly at: string; readonly sent: boolean }[]> {
  return (await reminderJobs(store, h)).flatMap(({ at, job }) =>
    job && job.value.state !== 'cancelled' ? [{ at, sent: job.value.state === 'done' }] : [],
  );
}
