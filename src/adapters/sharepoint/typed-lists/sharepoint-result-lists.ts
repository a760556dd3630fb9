import type { GraphHttp, GraphReply } from '../../graph/graph-client';
import type { Translator } from '../../../i18n/catalogue';
import type { ResultListName, ResultLists, ResultRow, SyncReport } from '../../../ports/result-lists';
import { StoreError } from '../../../ports/record-store';
import { odataString } from '../records-list';
import { fieldValue, sameValue } from './column-values';
import type { ListSchema } from './list-schemas';
import { schemaOf } from './list-schemas';

interface ItemPage {
  readonly value: readonly { readonly id: string; readonly '@odata.etag': string; readonly fields?: Record<string, unknown> }[];
  readonly '@odata.nextLink'?: string;
}

interface HeldRow {
  readonly id: string;
  readonly etag: string;
  readonly fields: Record<string, unknown>;
}

/**
 * The result lists on SharePoint through Graph. Samråd is their only writer: each sync reads
 * the rows one record made (`SamradSource eq …`, indexed; a record makes at most a few hundred
 * rows, far under the list view threshold), then creates, updates (`If-Match`) or removes only
 * what differs. A sync repeated changes nothing, so a job that runs twice is harmless.
 * Permissions: Sites.Selected with `write` on the site (the lists are made by `npm run provision`).
 */
export class SharePointResultLists implements ResultLists {
  private listIds: Promise<Map<string, string>> | undefined;

  constructor(
    private readonly http: GraphHttp,
    private readonly siteId: string,
    private readonly t: Translator,
  ) {}

  async sync(list: ResultListName, source: string, rows: readonly ResultRow[]): Promise<SyncReport> {
    const schema = schemaOf(list);
    const items = `${await this.listUrl(schema)}/items`;
    const held = new Map((await this.held(items, schema, source)).map((r) => [String(r.fields['SamradKey']), r]));
    const report = { created: 0, updated: 0, removed: 0, unchanged: 0 };
    for (const row of rows) {
      const wanted = this.fields(schema, source, row);
      const current = held.get(row.key);
      held.delete(row.key);
      if (!current) {
        this.expect(await this.http.send({ method: 'POST', url: items, body: { fields: wanted } }), [201], list, row.key);
        report.created++;
        continue;
      }
      const changed = Object.fromEntries(Object.entries(wanted).filter(([name, value]) => !this.same(schema, name, current.fields[name], value)));
      if (Object.keys(changed).length === 0) {
        report.unchanged++;
        continue;
      }
      this.expect(await this.http.send({ method: 'PATCH', url: `${items}/${current.id}/fields`, headers: { 'If-Match': current.etag }, body: changed }), [200], list, row.key);
      report.updated++;
    }
    for (const gone of held.values()) {
      this.expect(await this.http.send({ method: 'DELETE', url: `${items}/${gone.id}`, headers: { 'If-Match': gone.etag } }), [204, 404], list, String(gone.fields['SamradKey']));
      report.removed++;
    }
    return report;
  }

  private fields(schema: ListSchema, source: string, row: ResultRow): Record<string, unknown> {
    const fields: Record<string, unknown> = { Title: row.title.slice(0, 255), SamradKey: row.key, SamradSource: source };
    for (const column of schema.columns) {
      if (column.name === 'SamradKey' || column.name === 'SamradSource') continue;
      fields[column.name] = fieldValue(column, row.cells[column.name], this.t);
    }
    return fields;
  }

  private same(schema: ListSchema, name: string, held: unknown, wanted: unknown): boolean {
    const column = schema.columns.find((c) => c.name === name) ?? { name, kind: 'text' as const };
    return sameValue(column, held, wanted);
  }

  /** Every row one record made, following `@odata.nextLink`. */
  private async held(items: string, schema: ListSchema, source: string): Promise<HeldRow[]> {
    const select = ['Title', ...schema.columns.map((c) => c.name)].join(',');
    const query = new URLSearchParams({ $expand: `fields($select=${select})`, $filter: `fields/SamradSource eq ${odataString(source)}`, $top: '999' });
    let url: string | undefined = `${items}?${query.toString().replace(/\+/g, '%20')}`;
    const rows: HeldRow[] = [];
    while (url) {
      const page: ItemPage = this.expect<ItemPage>(
        await this.http.send({ method: 'GET', url }),
        [200],
        schema.list,
        source,
      );
      rows.push(...page.value.map((i) => ({ id: i.id, etag: i['@odata.etag'], fields: i.fields ?? {} })));
      url = page['@odata.nextLink'];
    }
    return rows;
  }

  /** The list's id, found once by its internal (URL) name: display names are people's to change. */
  private async listUrl(schema: ListSchema): Promise<string> {
    const site = `/sites/${encodeURIComponent(this.siteId)}`;
    this.listIds ??= this.http.send({ method: 'GET', url: `${site}/lists?$select=id,name,displayName` }).then((reply) => {
      const lists = this.expect<{ value: { id: string; name?: string }[] }>(reply, [200], schema.list, '');
      return new Map(lists.value.filter((l) => l.name).map((l) => [l.name!, l.id]));
    });
    let id: string | undefined;
    try {
      id = (await this.listIds).get(schema.internalName);
    } catch (e) {
      this.listIds = undefined;
      throw e;
    }
    if (!id) {
      this.listIds = undefined;
      throw new StoreError('STORE.REJECTED', schema.internalName, '', { cause: new Error(`the list ${schema.internalName} is not on the site: run npm run provision`) });
    }
    return `${site}/lists/${encodeURIComponent(id)}`;
  }

  /** The body of an expected reply; a 400 is for good (the schema differs), the rest may pass. */
  private expect<B>(reply: GraphReply, statuses: readonly number[], list: string, key: string): B {
    if (statuses.includes(reply.status)) return reply.body as B;
    const error = (reply.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    const cause = new Error(`Graph answered ${reply.status} ${error?.code ?? ''}: ${error?.message ?? ''}`.replace(/\s+/g, ' ').trim());
    const code = reply.status === 400 ? 'STORE.REJECTED' : reply.status === 412 ? 'STORE.PRECONDITION_FAILED' : reply.status === 409 ? 'STORE.ALREADY_EXISTS' : 'STORE.UNAVAILABLE';
    throw new StoreError(code, list, key, { cause });
  }
}
