import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { DocumentRenderer } from '../../ports/documents';
import type { RecordStore } from '../../ports/record-store';
import { minutesDocument } from '../exports/minutes-document';
import type { DownloadFile } from '../input/basis-document-file';
import { bodyMeetings, MEETINGS } from '../meetings/meeting-records';
import { loadMinutes } from './minutes-records';

/** The minutes as they stand now (their current version), in the format asked for. */
export async function minutesFile(
  deps: { store: RecordStore; org: Organisation; t: Translator },
  meetingId: string,
  renderer: DocumentRenderer,
): Promise<DownloadFile | undefined> {
  const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
  const record = meeting && (await loadMinutes(deps.store, meetingId));
  if (!meeting || !record) return undefined;
  const meetings = (await bodyMeetings(deps.store, meeting.bodyId)).map((r) => r.value);
  const document = minutesDocument({ org: deps.org, meeting, minutes: record.value.minutes, meetings }, deps.t);
  return {
    body: await renderer.render(document),
    mediaType: renderer.mediaType,
    fileName: `protokoll-${meetingId}-v${record.value.minutes.version}.${renderer.extension}`,
  };
}
