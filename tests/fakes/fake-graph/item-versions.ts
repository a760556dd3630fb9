import { graphError, json } from './odata';
import type { FakeGraphRequest, FakeGraphResponse } from './route';

interface VersionedItem {
  readonly id: string;
  readonly version: number;
  readonly fields: Record<string, unknown>;
  readonly modified: string;
}

interface ItemVersion {
  readonly id: string;
  readonly lastModifiedDateTime: string;
  readonly fields: Record<string, unknown>;
}

const PATH = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)\/versions(?:\/([^/]+))?$/;

/**
 * List item version history as Graph exposes it (listItemVersion):
 * `GET /sites/{site}/lists/{list}/items/{item}/versions`, newest first and the current
 * version included, and `GET …/versions/{version-id}`. Ids are SharePoint's labels ("3.0").
 *
 * A list keeps history while its versioning is on, as SharePoint Online lists are when
 * created; Graph cannot change that setting, so the site owner does it in the list's
 * settings, and a test does it with `setVersioning`. With versioning off only the current
 * version remains.
 */
export class FakeItemVersions {
  private readonly history = new Map<string, Map<string, ItemVersion[]>>();
  private readonly unversioned = new Set<string>();

  setVersioning(listId: string, on: boolean): void {
    if (on) this.unversioned.delete(listId);
    else this.unversioned.add(listId);
  }

  versioning(listId: string): boolean {
    return !this.unversioned.has(listId);
  }

  /** After an item is created or updated: the version it now is. */
  record(listId: string, item: VersionedItem): void {
    const items = this.history.get(listId) ?? new Map<string, ItemVersion[]>();
    this.history.set(listId, items);
    const version: ItemVersion = {
      id: `${item.version}.0`,
      lastModifiedDateTime: item.modified,
      fields: { ...item.fields },
    };
    items.set(item.id, this.versioning(listId) ? [version, ...(items.get(item.id) ?? [])] : [version]);
  }

  forget(listId: string, itemId: string): void {
    this.history.get(listId)?.delete(itemId);
  }

  /** Every version of every item of the list: what a site owner can read. */
  all(listId: string): ItemVersion[] {
    return [...(this.history.get(listId)?.values() ?? [])].flat();
  }

  /** The versions routes; `listIdOf` resolves an id or display name, `undefined` for no list. */
  handle(
    r: FakeGraphRequest,
    siteId: string,
    listIdOf: (key: string) => string | undefined,
  ): FakeGraphResponse | undefined {
    const m = PATH.exec(r.path);
    if (!m || r.method !== 'GET') return undefined;
    if (decodeURIComponent(m[1]!) !== siteId) return graphError(404, 'itemNotFound', 'site not found');
    const listId = listIdOf(decodeURIComponent(m[2]!));
    const versions = listId === undefined ? undefined : this.history.get(listId)?.get(m[3]!);
    if (!versions) return graphError(404, 'itemNotFound', 'item not found');
    if (!m[4]) return json(200, { value: versions.map(view) });
    const one = versions.find((v) => v.id === decodeURIComponent(m[4]!));
    return one ? json(200, view(one)) : graphError(404, 'itemNotFound', 'version not found');
  }
}

const view = (v: ItemVersion) => ({
  id: v.id,
  lastModifiedDateTime: v.lastModifiedDateTime,
  lastModifiedBy: { user: { displayName: 'Samråd' } },
  published: { level: 'published' },
  fields: v.fields,
});
