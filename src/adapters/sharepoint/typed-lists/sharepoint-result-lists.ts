import type { GraphHttp, GraphReply } from '../../graph/graph-client';
import type { Translator } from '../../../i18n/catalogue';
import type { ResultListName, ResultLists, ResultRow, SyncReport } from '../../../ports/result-lists';
import { StoreError } from '../../../ports/record-store';
import { odataString } from '../records-list';
import { fieldValue, sameValue } from './column-values';
import type { ListSchema } from './list-columns';
import { schemaOf } from './list-schemas';

interface ItemPage {
  readonly value: readonly {
    readonly id: string;
    readonly '@odata.etag': string;
    readonly fields?: Record<string, unknown>;
  }[];
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
  /** Graph refused a hyperlink value once (see `writeLinks`): links are left out from then on. */
  private linksRefused = false;

  constructor(
    private readonly http: GraphHttp,
    private readonly siteId: string,
    private readonly t: Translator,
    private readonly warn: (event: string, details: Record<string, unknown>) => void = () => {},
  ) {}

  async sync(list: ResultListName, source: string, rows: readonly ResultRow[]): Promise<SyncReport> {
    const schema = schemaOf(list);
    const items = `${await this.listUrl(schema)}/items`;
    const held = new Map((await this.held(items, schema, source)).map((r) => [String(r.fields.SamradKey), r]));
    const report = { created: 0, updated: 0, removed: 0, unchanged: 0 };
    for (const row of rows) {
      const { plain, links } = this.split(schema, this.fields(schema, source, row));
      const current = held.get(row.key);
      held.delete(row.key);
      if (!current) {
        const created = this.expect<{ id: string }>(
          await this.http.send({ method: 'POST', url: items, body: { fields: plain } }),
          [201],
          list,
          row.key,
        );
        report.created++;
        await this.writeLinks(items, created.id, this.changed(schema, {}, links), list, row.key);
        continue;
      }
      const changed = this.changed(schema, current.fields, plain);
      const changedLinks = this.changed(schema, current.fields, links);
      if (Object.keys(changed).length === 0 && Object.keys(changedLinks).length === 0) {
        report.unchanged++;
        continue;
      }
      if (Object.keys(changed).length > 0)
        this.expect(
          await this.http.send({
            method: 'PATCH',
            url: `${items}/${current.id}/fields`,
            headers: { 'If-Match': current.etag },
            body: changed,
          }),
          [200],
          list,
          row.key,
        );
      await this.writeLinks(items, current.id, changedLinks, list, row.key);
      report.updated++;
    }
    for (const gone of held.values()) {
      this.expect(
        await this.http.send({ method: 'DELETE', url: `${items}/${gone.id}`, headers: { 'If-Match': gone.etag } }),
        [204, 404],
        list,
        String(gone.fields.SamradKey),
      );
      report.removed++;
    }
    return report;
  }

  private fields(schema: ListSchema, source: string, row: ResultRow): Record<string, unknown> {
    const fields: Record<string, unknown> = {
      Title: row.title.slice(0, 255),
      SamradKey: row.key,
      SamradSource: source,
    };
    for (const column of schema.columns) {
      if (column.name === 'SamradKey' || column.name === 'SamradSource') continue;
      fields[column.name] = fieldValue(column, row.cells[column.name], this.t);
    }
    return fields;
  }

  /** Link columns apart: they are written on their own (`writeLinks`), and left out once Graph refuses them. */
  private split(
    schema: ListSchema,
    fields: Record<string, unknown>,
  ): { plain: Record<string, unknown>; links: Record<string, unknown> } {
    const isLink = (name: string) => schema.columns.some((c) => c.name === name && c.kind === 'link');
    const entries = Object.entries(fields);
    return {
      plain: Object.fromEntries(entries.filter(([name]) => !isLink(name))),
      links: this.linksRefused ? {} : Object.fromEntries(entries.filter(([name]) => isLink(name))),
    };
  }

  private changed(
    schema: ListSchema,
    held: Record<string, unknown>,
    wanted: Record<string, unknown>,
  ): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(wanted).filter(([name, value]) => !this.same(schema, name, held[name], value)),
    );
  }

  /**
   * Hyperlink values, `{ Url, Description }`, in a write of their own. Graph documents the
   * column type but has been reported to refuse such values with 400 invalidRequest
   * (microsoft-graph-docs#12638, msgraph-sdk-dotnet#2957); when it does, the row keeps every
   * other column (the documents are also in the rows' text), the refusal is logged once, and
   * links are left out for the rest of the process.
   */
  private async writeLinks(
    items: string,
    itemId: string,
    links: Record<string, unknown>,
    list: string,
    key: string,
  ): Promise<void> {
    if (this.linksRefused || Object.keys(links).length === 0) return;
    const reply = await this.http.send({ method: 'PATCH', url: `${items}/${itemId}/fields`, body: links });
    if (reply.status === 400) {
      this.linksRefused = true;
      this.warn('result-lists.links-refused', { list, key, columns: Object.keys(links) });
      return;
    }
    this.expect(reply, [200], list, key);
  }

  private same(schema: ListSchema, name: string, held: unknown, wanted: unknown): boolean {
    const column = schema.columns.find((c) => c.name === name) ?? { name, kind: 'text' as const };
    return sameValue(column, held, wanted);
  }

  /** Every row one record made, following `@odata.nextLink`. */
  private async held(items: string, schema: ListSchema, source: string): Promise<HeldRow[]> {
    const select = ['Title', ...schema.columns.map((c) => c.name)].join(',');
    const query = new URLSearchParams({
      $expand: `fields($select=${select})`,
      $filter: `fields/SamradSource eq ${odataString(source)}`,
      $top: '999',
    });
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
    this.listIds ??= this.http
      .send({ method: 'GET', url: `${site}/lists?$select=id,name,displayName` })
      .then((reply) => {
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
      throw new StoreError('STORE.REJECTED', schema.internalName, '', {
        cause: new Error(`the list ${schema.internalName} is not on the site: run npm run provision`),
      });
    }
    return `${site}/lists/${encodeURIComponent(id)}`;
  }

  /** The body of an expected reply; a 400 is for good (the schema differs), the rest may pass. */
  private expect<B>(reply: GraphReply, statuses: readonly number[], list: string, key: string): B {
    if (statuses.includes(reply.status)) return reply.body as B;
    const error = (reply.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    const cause = new Error(
      `Graph answered ${reply.status} ${error?.code ?? ''}: ${error?.message ?? ''}`.replace(/\s+/g, ' ').trim(),
    );
    const code =
      reply.status === 400
        ? 'STORE.REJECTED'
        : reply.status === 412
          ? 'STORE.PRECONDITION_FAILED'
          : reply.status === 409
            ? 'STORE.ALREADY_EXISTS'
            : 'STORE.UNAVAILABLE';
    throw new StoreError(code, list, key, { cause });
  }
}
