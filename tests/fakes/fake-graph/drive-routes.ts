import { randomUUID } from 'node:crypto';
import { graphError, json } from './odata';
import type { FakeGraphRequest, FakeGraphResponse, FakeGraphRoutes } from './route';

export interface FakeDriveFile {
  readonly id: string;
  readonly path: string;
  readonly bytes: Buffer;
  readonly contentType: string;
}

/**
 * Small-file upload into a document library: `PUT /drives/{drive-id}/root:/{path}:/content`
 * (driveitem-put-content.md): replaces a file at the path, or with
 * `@microsoft.graph.conflictBehavior=fail` answers 409 when one is there; a file someone has
 * open (checked out, or being co-authored) answers 423 Locked until it is released.
 */
export class FakeDrive implements FakeGraphRoutes {
  readonly files = new Map<string, FakeDriveFile>();
  /** Paths of files that are locked: uploads to them answer 423. */
  readonly locked = new Set<string>();
  /** The next this many uploads answer 409, as when another upload to the path is under way. */
  conflictNext = 0;
  /** Uploads that went through (a retried upload that is refused does not count). */
  uploads = 0;
  /** The next this many uploads are answered 429 with `Retry-After: 0`: a throttled library. */
  throttleNext = 0;

  constructor(readonly driveId: string) {}

  handle(r: FakeGraphRequest): FakeGraphResponse | undefined {
    const m = /^\/drives\/([^/]+)\/root:\/(.+):\/content$/.exec(r.path);
    if (!m || r.method !== 'PUT') return undefined;
    if (this.throttleNext > 0) {
      this.throttleNext--;
      return graphError(429, 'TooManyRequests', 'Please retry after the time in Retry-After', { 'Retry-After': '0' });
    }
    if (decodeURIComponent(m[1]!) !== this.driveId) return graphError(404, 'itemNotFound', 'drive not found');
    const path = m[2]!.split('/').map(decodeURIComponent).join('/');
    if (!Buffer.isBuffer(r.body)) return graphError(400, 'invalidRequest', 'the content is the request body');
    if (r.body.length > 250 * 1024 * 1024) return graphError(413, 'requestTooLarge', 'use an upload session');
    if (this.locked.has(path))
      return graphError(423, 'resourceLocked', `The resource you are attempting to access is locked: ${path}`);
    const existing = this.files.get(path);
    if (this.conflictNext > 0) {
      this.conflictNext--;
      return graphError(409, 'conflict', 'Another request is changing this item; try again.');
    }
    if (existing && r.query.get('@microsoft.graph.conflictBehavior') === 'fail')
      return graphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
    const file = {
      id: existing?.id ?? randomUUID(),
      path,
      bytes: r.body,
      contentType: r.headers['content-type'] ?? '',
    };
    this.files.set(path, file);
    this.uploads++;
    const name = path.split('/').pop()!;
    return json(existing ? 200 : 201, {
      id: file.id,
      name,
      size: file.bytes.length,
      webUrl: `https://contoso.sharepoint.com/sites/samrad/Shared%20Documents/${path.split('/').map(encodeURIComponent).join('/')}`,
      file: { mimeType: file.contentType },
    });
  }
}
