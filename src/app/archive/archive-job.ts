import { z } from 'zod';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { Clock } from '../../ports/clock';
import type { DocumentLibrary } from '../../ports/document-library';
import { DocumentSaveError } from '../../ports/document-library';
import type { DocumentRenderer } from '../../ports/documents';
import type { RecordStore } from '../../ports/record-store';
import type { JobHandler } from '../scheduling/execute-job';
import type { JobScheduler } from '../scheduling/scheduler';
import { archiveFiles } from './archive-files';
import type { ArchivedKind } from './archive-records';
import { archivedKinds, rememberSaved } from './archive-records';

/*
 * Saving a finished document in the library is a job of its own, keyed by the document and its
 * version: the chat answer never waits on SharePoint, a crash or a throttled upload is retried
 * by the scheduler, and asking again for the same version schedules nothing new. A retry saves
 * to the same path, which replaces the file, so a document is never there twice.
 */
export const ARCHIVE_DOCUMENT = 'document.archive';

export interface ArchivePayload {
  readonly kind: ArchivedKind;
  readonly subjectId: string;
  readonly version: string;
}

export const archivePayload: z.ZodType<ArchivePayload> = z.object({
  kind: z.enum(archivedKinds),
  subjectId: z.string(),
  version: z.string(),
});

/** Saving outlasts a few throttled minutes of Graph before it is reported as failed. */
const ATTEMPTS = 8;
/** A file someone has open in Word stays locked for a while: ask again in a quarter of an hour (8 attempts: about 2 hours). */
const LOCKED_RETRY_MS = 15 * 60_000;

export const archiveJobId = (p: ArchivePayload): string => `archive:${p.kind}:${p.subjectId}:${p.version}`;

/** Asks for the document to be saved now; the same document and version is saved once. */
export async function scheduleArchive(
  deps: { scheduler: JobScheduler; clock: Clock },
  ...documents: ArchivePayload[]
): Promise<void> {
  const now = deps.clock.now();
  await deps.scheduler.scheduleMany(
    documents.map((payload) => ({
      id: archiveJobId(payload),
      kind: ARCHIVE_DOCUMENT,
      dueAt: now,
      payload,
      maxAttempts: ATTEMPTS,
    })),
  );
}

export interface ArchiveDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly library: DocumentLibrary;
  readonly docx: DocumentRenderer;
  readonly organisation: () => Organisation;
  /** The library is read by the secretariat: documents in the default language. */
  readonly t: Translator;
}

export function saveToLibrary(deps: ArchiveDeps): JobHandler<ArchivePayload> {
  return async ({ job }) => {
    const { kind, subjectId, version } = job.payload;
    const make = Object.hasOwn(archiveFiles, kind) ? archiveFiles[kind] : undefined;
    if (!make) return { outcome: 'failed', error: `DOCUMENTS.UNKNOWN_KIND: ${kind}` };
    let file;
    try {
      file = await make(
        { store: deps.store, org: deps.organisation(), t: deps.t, docx: deps.docx },
        subjectId,
        version,
      );
    } catch (e) {
      // A name the library would refuse does not get better by trying again.
      if (e instanceof RangeError && e.message.startsWith('DOCUMENTS.BAD_PATH'))
        return { outcome: 'failed', error: e.message };
      throw e;
    }
    // The meeting, hearing or minutes version is gone: nothing left to save.
    if (!file) return { outcome: 'done' };
    let saved;
    try {
      saved = await deps.library.save(file.path, file.body, file.mediaType);
    } catch (e) {
      if (e instanceof DocumentSaveError && e.code === 'DOCUMENTS.LOCKED')
        return { outcome: 'retry', error: e.message, afterMs: LOCKED_RETRY_MS };
      throw e;
    }
    await rememberSaved(deps.store, { ...saved, kind, subjectId, version, savedAt: deps.clock.now().toISOString() });
  };
}
