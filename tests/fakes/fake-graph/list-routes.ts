import { randomUUID } from 'node:crypto';
import { LIST_VIEW_THRESHOLD, overThreshold, thresholdRefusal, tooLong } from './list-limits';
import { typeRefusal } from './column-types';
import { FakeItemVersions } from './item-versions';
import { graphError, json, parseFilter } from './odata';
import { OpaqueCursors } from './paging';
import type { FakeGraphRequest, FakeGraphResponse, FakeGraphRoutes } from './route';

export interface FakeColumn {
  readonly name: string;
  readonly indexed: boolean;
  readonly enforceUniqueValues: boolean;
  readonly [facet: string]: unknown;
}

export interface FakeItem {
  readonly id: string;
  readonly guid: string;
  version: number;
  fields: Record<string, unknown>;
  readonly created: string;
  modified: string;
}

export interface FakeList {
  readonly id: string;
  /** The URL name, fixed when the list is made; the display name may change later. */
  readonly name: string;
  displayName: string;
  readonly columns: FakeColumn[];
  readonly items: Map<string, FakeItem>;
  nextId: number;
}

const BUILT_IN: FakeColumn[] = ['Title', 'ID', 'Created', 'Modified'].map((name) => ({
  name,
  indexed: name === 'ID',
  enforceUniqueValues: false,
}));
const PAGE = 200;

/**
 * SharePoint lists as Microsoft Graph exposes them under `/sites/{site-id}/lists`: lists,
 * columns, list items with `@odata.etag`, `If-Match` (412 when stale), unique columns (409),
 * `$filter` on indexed columns only (400 otherwise, as SharePoint does without the
 * `HonorNonIndexedQueriesWarningMayFailRandomly` preference), the list view threshold judged
 * on a filter's first indexed clause, column lengths (list-limits.ts) and paging with
 * `@odata.nextLink` carrying opaque tokens (paging.ts).
 */
export class FakeSharePointLists implements FakeGraphRoutes {
  readonly lists = new Map<string, FakeList>();
  private readonly cursors = new OpaqueCursors();
  readonly versions = new FakeItemVersions();
  /**
   * Graph as some tenants report it (microsoft-graph-docs#12638, msgraph-sdk-dotnet#2957):
   * a hyperlink value in a create or update is 400 `invalidRequest`, whatever its shape.
   * Off by default (the fake then takes the documented `{ Url, Description }`).
   */
  refuseHyperlinkValues = false;

  constructor(
    readonly siteId: string,
    private readonly origin: () => string,
    private readonly now: () => Date = () => new Date(),
    /** The most items a page holds, whatever `$top` asks: small in tests of paging. */
    readonly maxPage = 999,
    /** The list view threshold; tests may lower it to show it biting without 5,001 items. */
    readonly viewThreshold = LIST_VIEW_THRESHOLD,
  ) {}

  handle(r: FakeGraphRequest): FakeGraphResponse | undefined {
    const versions = this.versions.handle(r, this.siteId, (key) => this.findList(key)?.id);
    if (versions) return versions;
    const m = /^\/sites\/([^/]+)\/lists(?:\/([^/]+)(?:\/(columns|items)(?:\/([^/]+)(\/fields)?)?)?)?$/.exec(r.path);
    if (!m) return undefined;
    if (decodeURIComponent(m[1]!) !== this.siteId) return graphError(404, 'itemNotFound', 'site not found');
    const [, , listKey, part, itemId, fields] = m;
    if (!listKey)
      return r.method === 'GET' ? this.allLists() : r.method === 'POST' ? this.createList(r.body) : undefined;
    const list = this.findList(decodeURIComponent(listKey));
    if (!list) return graphError(404, 'itemNotFound', 'list not found');
    if (!part)
      return r.method === 'GET'
        ? json(200, this.listView(list))
        : r.method === 'PATCH'
          ? this.renameList(list, r.body)
          : undefined;
    if (part === 'columns' && !itemId)
      return r.method === 'GET'
        ? json(200, { value: list.columns })
        : r.method === 'POST'
          ? this.addColumn(list, r.body)
          : undefined;
    if (part !== 'items') return undefined;
    if (!itemId)
      return r.method === 'GET' ? this.query(list, r) : r.method === 'POST' ? this.createItem(list, r.body) : undefined;
    const item = list.items.get(itemId);
    if (!item) return graphError(404, 'itemNotFound', 'item not found');
    if (r.method === 'GET' && !fields) return json(200, this.itemView(item, true));
    if (r.method === 'PATCH' && fields) return this.update(list, item, r);
    if (r.method === 'DELETE' && !fields) return this.remove(list, item, r);
    return undefined;
  }

  /** A list by id, display name or URL name (`SamradMeetings`). */
  list(key: string): FakeList | undefined {
    return this.findList(key) ?? [...this.lists.values()].find((l) => l.name === key);
  }

  private findList(key: string): FakeList | undefined {
    return this.lists.get(key) ?? [...this.lists.values()].find((l) => l.displayName === key);
  }

  private listView = (l: FakeList) => ({
    id: l.id,
    displayName: l.displayName,
    name: l.name,
    list: { template: 'genericList' },
  });

  /** Only the display name may change; the URL name stays what the list was made with. */
  private renameList(list: FakeList, body: unknown): FakeGraphResponse {
    const b = (body ?? {}) as { displayName?: unknown };
    const other = Object.keys(b).find((k) => k !== 'displayName');
    if (other) return graphError(400, 'invalidRequest', `Property '${other}' cannot be changed`);
    if (typeof b.displayName !== 'string' || b.displayName.trim() === '')
      return graphError(400, 'invalidRequest', 'displayName is required');
    const clash = [...this.lists.values()].find((l) => l !== list && l.displayName === b.displayName);
    if (clash) return graphError(409, 'nameAlreadyExists', 'a list with this name exists');
    list.displayName = b.displayName;
    return json(200, this.listView(list));
  }

  private allLists(): FakeGraphResponse {
    return json(200, { value: [...this.lists.values()].map(this.listView) });
  }

  private createList(body: unknown): FakeGraphResponse {
    const b = body as { displayName?: string; columns?: Partial<FakeColumn>[] };
    if (!b.displayName) return graphError(400, 'invalidRequest', 'displayName is required');
    if (this.findList(b.displayName)) return graphError(409, 'nameAlreadyExists', 'a list with this name exists');
    const list: FakeList = {
      id: randomUUID(),
      name: b.displayName.replace(/[^A-Za-z0-9_-]/g, ''),
      displayName: b.displayName,
      columns: [...BUILT_IN],
      items: new Map(),
      nextId: 1,
    };
    for (const c of b.columns ?? []) list.columns.push(column(c));
    this.lists.set(list.id, list);
    return json(201, this.listView(list));
  }

  private addColumn(list: FakeList, body: unknown): FakeGraphResponse {
    const c = column(body as Partial<FakeColumn>);
    if (list.columns.some((x) => x.name === c.name)) return graphError(409, 'nameAlreadyExists', 'column exists');
    if (c.enforceUniqueValues && !c.indexed) return graphError(400, 'invalidRequest', 'unique columns must be indexed');
    list.columns.push(c);
    return json(201, c);
  }

  private query(list: FakeList, r: FakeGraphRequest): FakeGraphResponse {
    let items = [...list.items.values()];
    const filter = r.query.get('$filter');
    if (filter) {
      const clauses = parseFilter(filter);
      if (typeof clauses === 'string') return graphError(400, 'invalidRequest', clauses);
      const honour = (r.headers.prefer ?? '').includes('HonorNonIndexedQueriesWarningMayFailRandomly');
      for (const c of clauses) {
        const col = list.columns.find((x) => x.name === c.field);
        if (!col) return graphError(400, 'invalidRequest', `no column ${c.field}`);
        if (!col.indexed && !honour)
          return graphError(
            400,
            'invalidRequest',
            `Field '${c.field}' cannot be referenced in filter or orderby as it is not indexed.`,
          );
      }
      if (overThreshold(clauses, list.columns, items, this.viewThreshold)) return thresholdRefusal();
      items = items.filter((i) => clauses.every((c) => i.fields[c.field] === c.value));
    }
    const top = Math.min(Number(r.query.get('$top') ?? PAGE) || PAGE, this.maxPage);
    const skip = this.cursors.offset(r.path, r.query);
    if (typeof skip !== 'number') return skip;
    const page = items.slice(skip, skip + top);
    const expand = (r.query.get('$expand') ?? '').startsWith('fields');
    const body: Record<string, unknown> = { value: page.map((i) => this.itemView(i, expand)) };
    if (skip + top < items.length) {
      const next = new URLSearchParams(r.query);
      next.set('$skiptoken', this.cursors.issue(r.path, r.query, skip + top));
      body['@odata.nextLink'] = `${this.origin()}/v1.0${r.path}?${next.toString()}`;
    }
    return json(200, body);
  }

  private createItem(list: FakeList, body: unknown): FakeGraphResponse {
    const fields = { ...((body as { fields?: Record<string, unknown> }).fields ?? {}) };
    const unknown =
      unknownField(list, fields) ??
      tooLong(list.columns, fields) ??
      typeRefusal(list.columns, fields) ??
      this.hyperlinkRefusal(list, fields);
    if (unknown) return unknown;
    const clash = this.uniqueClash(list, fields, undefined);
    if (clash) return clash;
    const at = this.now().toISOString();
    const item: FakeItem = {
      id: String(list.nextId++),
      guid: randomUUID(),
      version: 1,
      fields,
      created: at,
      modified: at,
    };
    list.items.set(item.id, item);
    this.versions.record(list.id, item);
    return json(201, this.itemView(item, true));
  }

  private update(list: FakeList, item: FakeItem, r: FakeGraphRequest): FakeGraphResponse {
    const stale = this.precondition(item, r);
    if (stale) return stale;
    const sent = (r.body ?? {}) as Record<string, unknown>;
    const unknown =
      unknownField(list, sent) ??
      tooLong(list.columns, sent) ??
      typeRefusal(list.columns, sent) ??
      this.hyperlinkRefusal(list, sent);
    if (unknown) return unknown;
    const next = { ...item.fields, ...(r.body as Record<string, unknown>) };
    const clash = this.uniqueClash(list, next, item.id);
    if (clash) return clash;
    item.fields = next;
    item.version++;
    item.modified = this.now().toISOString();
    this.versions.record(list.id, item);
    return json(200, this.fieldsView(item));
  }

  private remove(list: FakeList, item: FakeItem, r: FakeGraphRequest): FakeGraphResponse {
    const stale = this.precondition(item, r);
    if (stale) return stale;
    list.items.delete(item.id);
    this.versions.forget(list.id, item.id);
    return { status: 204 };
  }

  private hyperlinkRefusal(list: FakeList, fields: Record<string, unknown>): FakeGraphResponse | undefined {
    if (!this.refuseHyperlinkValues) return undefined;
    const link = Object.entries(fields).find(
      ([name, value]) => value !== null && list.columns.some((c) => c.name === name && c.hyperlinkOrPicture),
    );
    return link ? graphError(400, 'invalidRequest', 'Invalid request') : undefined;
  }

  private precondition(item: FakeItem, r: FakeGraphRequest): FakeGraphResponse | undefined {
    const ifMatch = r.headers['if-match'];
    if (ifMatch === undefined || ifMatch === '*' || ifMatch === etag(item)) return undefined;
    return graphError(412, 'resourceModified', 'The request ETag value does not match the object ETag value');
  }

  private uniqueClash(
    list: FakeList,
    fields: Record<string, unknown>,
    self: string | undefined,
  ): FakeGraphResponse | undefined {
    for (const col of list.columns.filter((c) => c.enforceUniqueValues)) {
      const value = fields[col.name];
      if (value === undefined || value === null) continue;
      for (const other of list.items.values())
        if (other.id !== self && other.fields[col.name] === value)
          return graphError(
            409,
            'nameAlreadyExists',
            `The list item could not be added or updated because duplicate values were found in the column ${col.name}.`,
          );
    }
    return undefined;
  }

  private fieldsView(i: FakeItem): Record<string, unknown> {
    return { '@odata.etag': etag(i), ...i.fields, id: i.id, Created: i.created, Modified: i.modified };
  }

  private itemView(i: FakeItem, withFields: boolean): Record<string, unknown> {
    return {
      '@odata.etag': etag(i),
      id: i.id,
      createdDateTime: i.created,
      lastModifiedDateTime: i.modified,
      ...(withFields && { fields: this.fieldsView(i) }),
    };
  }
}

/** SharePoint refuses fields the list has no column for. */
function unknownField(list: FakeList, fields: Record<string, unknown>): FakeGraphResponse | undefined {
  const name = Object.keys(fields).find((f) => !list.columns.some((c) => c.name === f));
  return name === undefined ? undefined : graphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
}

const etag = (i: FakeItem): string => `"${i.guid},${i.version}"`;

function column(c: Partial<FakeColumn>): FakeColumn {
  return {
    ...c,
    name: String(c.name),
    indexed: c.indexed === true,
    enforceUniqueValues: c.enforceUniqueValues === true,
  };
}
