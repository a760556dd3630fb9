import { graphError, json } from './odata';
import type { FakeSharePointLists } from './list-routes';
import type { FakeGraphRequest, FakeGraphResponse, FakeGraphRoutes } from './route';

export interface FakeView {
  readonly title: string;
  readonly fields: readonly string[];
  readonly query: string;
  isDefault: boolean;
}

/** The site's web address path on the fake: `<origin>/sites/samrad`. */
export const FAKE_WEB_PATH = '/sites/samrad';

const VIEWS = /^\/_api\/web\/lists\(guid'([^']+)'\)\/views(\/add)?$/;

/**
 * The site resource (`GET /sites/{id}`, for its `webUrl`) and list views through SharePoint's
 * REST API (`<web>/_api/web/lists(guid'…')/views`, `…/views/add`), which Graph does not offer.
 * As SharePoint does, adding a view refuses a field the list does not have, a query naming one
 * (both answered 400 with SharePoint's "Field … does not exist"), an empty or duplicate title;
 * a new default view takes the default from the old one.
 */
export class FakeListViews implements FakeGraphRoutes {
  readonly views = new Map<string, FakeView[]>();

  constructor(
    private readonly lists: FakeSharePointLists,
    private readonly origin: () => string,
  ) {}

  handle(r: FakeGraphRequest): FakeGraphResponse | undefined {
    if (r.method === 'GET' && r.path === `/sites/${encodeURIComponent(this.lists.siteId)}`)
      return json(200, { id: this.lists.siteId, webUrl: `${this.origin()}${FAKE_WEB_PATH}` });
    if (r.method === 'GET' && decodeURIComponent(r.path) === `/sites/${this.lists.siteId}`)
      return json(200, { id: this.lists.siteId, webUrl: `${this.origin()}${FAKE_WEB_PATH}` });
    const m = VIEWS.exec(r.path);
    if (!m) return undefined;
    const list = this.lists.lists.get(m[1]!);
    if (!list) return spError(404, 'List does not exist.');
    const views = this.views.get(list.id) ?? [
      { title: 'All Items', fields: ['LinkTitle'], query: '', isDefault: true },
    ];
    this.views.set(list.id, views);
    if (r.method === 'GET' && !m[2])
      return json(200, { value: views.map((v) => ({ Title: v.title, DefaultView: v.isDefault })) });
    if (r.method !== 'POST' || !m[2]) return undefined;
    const p = ((r.body ?? {}) as { parameters?: Record<string, unknown> }).parameters ?? {};
    const title = typeof p.Title === 'string' ? p.Title.trim() : '';
    if (!title) return spError(400, 'The view must have a title.');
    if (views.some((v) => v.title === title)) return spError(400, `A view named "${title}" already exists.`);
    const fields = Array.isArray(p.ViewFields) ? (p.ViewFields as unknown[]).map(String) : [];
    const query = typeof p.Query === 'string' ? p.Query : '';
    const known = new Set(['LinkTitle', ...list.columns.map((c) => c.name)]);
    const named = [...fields, ...[...query.matchAll(/FieldRef Name="([^"]+)"/g)].map((x) => x[1]!)];
    const unknown = named.find((f) => !known.has(f));
    if (unknown) return spError(400, `Field or property "${unknown}" does not exist.`);
    if (p.PersonalView === true) return spError(400, 'An app cannot make a personal view.');
    const view: FakeView = { title, fields, query, isDefault: p.SetAsDefaultView === true };
    if (view.isDefault) for (const v of views) v.isDefault = false;
    views.push(view);
    return json(200, { Title: title, DefaultView: view.isDefault });
  }
}

const spError = (status: number, message: string): FakeGraphResponse =>
  graphError(status, 'Microsoft.SharePoint.SPException', message);
