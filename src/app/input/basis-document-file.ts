import { summarizeInput } from '../../domain/input-summary';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { DocumentRenderer } from '../../ports/documents';
import type { RecordStore } from '../../ports/record-store';
import { basisDocument } from '../exports/basis-document';
import { MEETINGS } from '../meetings/meeting-records';
import { loadRequest, meetingAnswers } from './input-records';

export interface DownloadFile {
  readonly body: Buffer;
  readonly mediaType: string;
  readonly fileName: string;
}

/** The basis document as it stands now, in the format asked for. */
export async function basisDocumentFile(
  deps: { store: RecordStore; org: Organisation; t: Translator },
  meetingId: string,
  renderer: DocumentRenderer,
): Promise<DownloadFile | undefined> {
  const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
  const request = meeting && (await loadRequest(deps.store, meetingId));
  if (!meeting || !request) return undefined;
  const summary = summarizeInput(meeting, request, await meetingAnswers(deps.store, meetingId));
  const document = basisDocument({ org: deps.org, meeting, request, summary }, deps.t);
  return {
    body: await renderer.render(document),
    mediaType: renderer.mediaType,
    fileName: `grunnlagsdokument-${meetingId}.${renderer.extension}`,
  };
}
