import type { GraphHttp } from '../graph/graph-client';
import type { DocumentLibrary, SavedDocument } from '../../ports/document-library';
import { DocumentSaveError, checkDocumentPath } from '../../ports/document-library';

/** Graph's simple upload takes files up to 250 MB; generated DOCX files are far below. */
const SIMPLE_UPLOAD_LIMIT = 250 * 1024 * 1024;
/** Uploads in all when SharePoint answers 409: another write to the path was under way. */
const CONFLICT_ATTEMPTS = 3;

/**
 * Uploads into a SharePoint document library with `PUT /drives/{drive-id}/root:/{path}:/content`,
 * replacing a file at the same path; folders on the path are created by SharePoint.
 * Permissions: Sites.Selected with a `write` grant on the site that holds the library.
 *
 * Refusals that pass: 423 Locked (someone has the file open or checked out) is
 * `DOCUMENTS.LOCKED` at once, for the caller to save again later (the archive job waits
 * minutes, not seconds). 409 Conflict means another write to the same path was under way; the
 * bytes we hold are the version that belongs there, so the upload is sent again right away, up
 * to three times in all, then `DOCUMENTS.CONFLICT` for the caller to retry.
 */
export class DriveDocumentLibrary implements DocumentLibrary {
  constructor(
    private readonly http: GraphHttp,
    private readonly driveId: string,
  ) {}

  async save(path: string, bytes: Buffer, mediaType: string): Promise<SavedDocument> {
    const parts = checkDocumentPath(path);
    if (bytes.length > SIMPLE_UPLOAD_LIMIT)
      throw new RangeError(`DOCUMENTS.TOO_LARGE: ${path} needs an upload session`);
    const url = `/drives/${encodeURIComponent(this.driveId)}/root:/${parts.map(encodeURIComponent).join('/')}:/content`;
    let reply = await this.http.send({ method: 'PUT', url, headers: { 'Content-Type': mediaType }, body: bytes });
    for (let attempt = 1; reply.status === 409 && attempt < CONFLICT_ATTEMPTS; attempt++)
      reply = await this.http.send({ method: 'PUT', url, headers: { 'Content-Type': mediaType }, body: bytes });
    if (reply.status === 423) throw new DocumentSaveError('DOCUMENTS.LOCKED', path);
    if (reply.status === 409) throw new DocumentSaveError('DOCUMENTS.CONFLICT', path);
    if (reply.status !== 200 && reply.status !== 201) {
      const code = (reply.body as { error?: { code?: string } } | undefined)?.error?.code ?? '';
      throw new Error(`DOCUMENTS.UPLOAD_FAILED: ${path}: Graph answered ${reply.status} ${code}`.trim());
    }
    const item = reply.body as { webUrl: string; size: number };
    return { path, url: item.webUrl, size: item.size };
  }
}
