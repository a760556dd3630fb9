import type { HearingResponse } from '../../domain/hearing-response';
import type { InputAnswer } from '../../domain/input';
import type { InputRequest } from '../../domain/input-request';
import type { Meeting } from '../../domain/meeting';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { HearingRecord } from '../hearings/hearing-records';
import { loadMinutes } from '../minutes/minutes-records';
import type { JobScheduler } from '../scheduling/scheduler';
import { scheduleArchive } from './archive-job';
import { contentVersion, libraryUrl } from './archive-records';

/*
 * Where a document is finished, it is saved to the library as well. Each of these asks for
 * the save (a job, so the answer in chat never waits on it) and returns the library address
 * of what is saved so far, for the card's "open in the document library" link.
 */
interface Deps {
  readonly store: RecordStore;
  readonly scheduler: JobScheduler;
  readonly clock: Clock;
}

/** The basis document as the input stands: saved again only when the input has changed. */
export async function archiveBasisDocument(
  deps: Deps,
  meeting: Meeting,
  request: InputRequest,
  answers: readonly InputAnswer[],
): Promise<string | undefined> {
  await scheduleArchive(deps, {
    kind: 'basis-document',
    subjectId: meeting.id,
    version: contentVersion(meeting, request, answers),
  });
  return libraryUrl(deps.store, 'basis-document', meeting.id);
}

/** Approved minutes, each version once; drafts stay out of the library. */
export async function archiveApprovedMinutes(deps: Deps, meetingId: string): Promise<void> {
  const minutes = (await loadMinutes(deps.store, meetingId))?.value.minutes;
  if (minutes?.status !== 'approved') return;
  await scheduleArchive(deps, { kind: 'minutes', subjectId: meetingId, version: String(minutes.version) });
}

/** The joint statement and the responses behind it, as compiled now. */
export async function archiveJointStatement(
  deps: Deps,
  h: HearingRecord,
  responses: readonly HearingResponse[],
): Promise<string | undefined> {
  // Where the coordinator's card is posted says nothing about the statement.
  const { posted: _posted, ...hearing } = h;
  const version = contentVersion(hearing, responses);
  // What is saved so far does not wait on the asking: both together (on SharePoint one `$batch`).
  const [, url] = await Promise.all([
    scheduleArchive(
      deps,
      { kind: 'joint-statement', subjectId: h.id, version },
      { kind: 'hearing-responses', subjectId: h.id, version },
    ),
    libraryUrl(deps.store, 'joint-statement', h.id),
  ]);
  return url;
}
