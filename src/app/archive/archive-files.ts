import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { DocumentRenderer } from '../../ports/documents';
import type { RecordStore } from '../../ports/record-store';
import { minutesDocument } from '../exports/minutes-document';
import { jointStatementFile, responsesCsvFile } from '../hearings/hearing-files';
import { loadHearing } from '../hearings/hearing-records';
import type { DownloadFile } from '../input/basis-document-file';
import { basisDocumentFile } from '../input/basis-document-file';
import { bodyMeetings, MEETINGS } from '../meetings/meeting-records';
import { loadMinutes } from '../minutes/minutes-records';
import { basisDocumentPath, jointStatementPath, minutesPath, responsesPath } from './archive-paths';
import type { ArchivedKind } from './archive-records';

export interface ArchiveFileDeps {
  readonly store: RecordStore;
  readonly org: Organisation;
  readonly t: Translator;
  /** The library keeps DOCX: what people open and print. */
  readonly docx: DocumentRenderer;
}

/** A file to save and where it goes in the library. */
export interface ArchiveFile extends DownloadFile {
  readonly path: string;
}

type Maker = (deps: ArchiveFileDeps, subjectId: string, version: string) => Promise<ArchiveFile | undefined>;

async function meetingOf(deps: ArchiveFileDeps, meetingId: string) {
  const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
  return meeting && { meeting, body: deps.org.bodies.find((b) => b.id === meeting.bodyId) };
}

/** The minutes as they were in the version named, also after later versions replaced them. */
const minutesVersion: Maker = async (deps, meetingId, version) => {
  const found = await meetingOf(deps, meetingId);
  const record = found && (await loadMinutes(deps.store, meetingId));
  if (!found || !record) return undefined;
  const current = record.value.minutes;
  const wanted =
    current.version === Number(version) ? current : current.earlier.find((m) => m.version === Number(version));
  if (!wanted) return undefined;
  const meetings = (await bodyMeetings(deps.store, found.meeting.bodyId)).map((r) => r.value);
  const document = minutesDocument(
    { org: deps.org, meeting: found.meeting, minutes: { ...wanted, earlier: [] }, meetings },
    deps.t,
  );
  return {
    body: await deps.docx.render(document),
    mediaType: deps.docx.mediaType,
    fileName: `protokoll-${meetingId}-v${wanted.version}.${deps.docx.extension}`,
    path: minutesPath(found.body, found.meeting, wanted.version, deps.docx.extension),
  };
};

/** How each kind of document is made for the library; the versions of the others are fingerprints of their content. */
export const archiveFiles: Readonly<Record<ArchivedKind, Maker>> = {
  'basis-document': async (deps, meetingId) => {
    const found = await meetingOf(deps, meetingId);
    const file = found && (await basisDocumentFile(deps, meetingId, deps.docx));
    return file && { ...file, path: basisDocumentPath(found.body, found.meeting, deps.docx.extension) };
  },
  minutes: minutesVersion,
  'joint-statement': async (deps, hearingId) => {
    const h = await loadHearing(deps.store, hearingId);
    const file = h && (await jointStatementFile(deps, hearingId, deps.docx));
    return file && { ...file, path: jointStatementPath(h, deps.docx.extension) };
  },
  'hearing-responses': async (deps, hearingId) => {
    const h = await loadHearing(deps.store, hearingId);
    const file = h && (await responsesCsvFile(deps, hearingId));
    return file && { ...file, path: responsesPath(h) };
  },
};
