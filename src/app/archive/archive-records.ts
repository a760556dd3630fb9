import { createHash } from 'node:crypto';
import type { SavedDocument } from '../../ports/document-library';
import type { RecordStore } from '../../ports/record-store';
import { upsert } from '../../ports/record-store';

/** The documents Samråd saves in the document library, each for one meeting or hearing. */
export const archivedKinds = ['basis-document', 'minutes', 'joint-statement', 'hearing-responses'] as const;
export type ArchivedKind = (typeof archivedKinds)[number];

/** One record per document (kind and meeting or hearing): where its latest save went. */
export const ARCHIVED_DOCUMENTS = 'archivedDocuments';

export interface ArchivedDocument extends SavedDocument {
  readonly kind: ArchivedKind;
  /** The meeting's or the hearing's id. */
  readonly subjectId: string;
  /** The minutes' version number, or a fingerprint of the content that was asked to be saved. */
  readonly version: string;
  readonly savedAt: string;
}

export const archivedId = (kind: ArchivedKind, subjectId: string): string => `${kind}:${subjectId}`;

/**
 * A short fingerprint of what a document is made from, so the same content is saved once
 * however often it is asked for, and changed content is saved again.
 */
export function contentVersion(...sources: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(sources)).digest('hex').slice(0, 16);
}

/** Notes the save; a later minutes version is never replaced by an earlier one that finished late. */
export async function rememberSaved(store: RecordStore, saved: ArchivedDocument): Promise<void> {
  await upsert<ArchivedDocument>(store, ARCHIVED_DOCUMENTS, archivedId(saved.kind, saved.subjectId), (current) =>
    current && saved.kind === 'minutes' && Number(current.version) > Number(saved.version) ? undefined : saved,
  );
}

export async function archivedDocument(
  store: RecordStore,
  kind: ArchivedKind,
  subjectId: string,
): Promise<ArchivedDocument | undefined> {
  return (await store.get<ArchivedDocument>(ARCHIVED_DOCUMENTS, archivedId(kind, subjectId)))?.value;
}

/**
 * The library address to show on a card, once the document is saved. Only a web (https)
 * address: a local folder's file URL opens nothing in Teams.
 */
export async function libraryUrl(
  store: RecordStore,
  kind: ArchivedKind,
  subjectId: string,
): Promise<string | undefined> {
  const saved = await archivedDocument(store, kind, subjectId);
  return saved && /^https:\/\//i.test(saved.url) ? saved.url : undefined;
}
