import type { GraphHttp, GraphReply } from '../../graph/graph-client';
import type { Translator } from '../../../i18n/catalogue';
import { columnDefinition, listTitle } from './column-values';
import type { ListSchema } from './list-columns';
import { LIST_SCHEMAS } from './list-schemas';

export interface ResultListProvision {
  readonly list: string;
  /** SharePoint's id of the list (for its views, made through SharePoint's REST API). */
  readonly listId: string;
  readonly created: boolean;
  readonly columnsAdded: readonly string[];
  /** Columns there with another type or index setting: reported, never changed silently. */
  readonly columnsDiffering: readonly string[];
}

interface GraphList {
  readonly id: string;
  readonly name?: string;
  readonly displayName: string;
}

interface GraphColumn {
  readonly name: string;
  readonly indexed?: boolean;
  readonly [facet: string]: unknown;
}

const FACETS = ['text', 'number', 'dateTime', 'boolean', 'choice', 'hyperlinkOrPicture'] as const;

/**
 * Creates the result lists and their columns, or adds the columns a list made by an older
 * version lacks. Reads first and writes only what is missing: a second run writes nothing.
 * A list is created under its internal name (its URL stays `Lists/SamradMeetings`) and then
 * given its display name in the tenant's language; a display name an admin changed later is
 * left alone. Needs Sites.Selected with `manage` on the site.
 */
export async function provisionResultLists(
  http: GraphHttp,
  siteId: string,
  t: Translator,
  schemas: readonly ListSchema[] = LIST_SCHEMAS,
): Promise<ResultListProvision[]> {
  const site = `/sites/${encodeURIComponent(siteId)}`;
  const lists = ok<{ value: GraphList[] }>(
    await http.send({ method: 'GET', url: `${site}/lists?$select=id,name,displayName` }),
    'read the lists',
  ).value;
  const results: ResultListProvision[] = [];
  for (const schema of schemas) {
    const existing = lists.find((l) => (l.name ?? l.displayName) === schema.internalName);
    if (!existing) {
      const created = ok<GraphList>(
        await http.send({
          method: 'POST',
          url: `${site}/lists`,
          body: {
            displayName: schema.internalName,
            columns: schema.columns.map((c) => columnDefinition(schema, c, t)),
            list: { template: 'genericList' },
          },
        }),
        `create the list ${schema.internalName}`,
      );
      ok(
        await http.send({
          method: 'PATCH',
          url: `${site}/lists/${encodeURIComponent(created.id)}`,
          body: { displayName: listTitle(schema, t) },
        }),
        `name the list ${schema.internalName}`,
      );
      results.push({
        list: schema.internalName,
        listId: created.id,
        created: true,
        columnsAdded: schema.columns.map((c) => c.name),
        columnsDiffering: [],
      });
      continue;
    }
    const url = `${site}/lists/${encodeURIComponent(existing.id)}/columns`;
    const present = new Map(
      ok<{ value: GraphColumn[] }>(
        await http.send({ method: 'GET', url }),
        `read the columns of ${schema.internalName}`,
      ).value.map((c) => [c.name, c]),
    );
    const added: string[] = [];
    const differing: string[] = [];
    for (const column of schema.columns) {
      const wanted = columnDefinition(schema, column, t);
      const held = present.get(column.name);
      if (!held) {
        ok(
          await http.send({ method: 'POST', url, body: wanted }),
          `add the column ${schema.internalName}.${column.name}`,
        );
        added.push(column.name);
      } else if ((held.indexed ?? false) !== (column.indexed === true) || facetOf(held) !== facetOf(wanted))
        differing.push(column.name);
    }
    results.push({
      list: schema.internalName,
      listId: existing.id,
      created: false,
      columnsAdded: added,
      columnsDiffering: differing,
    });
  }
  return results;
}

const facetOf = (column: Readonly<Record<string, unknown>>): string | undefined =>
  FACETS.find((f) => column[f] !== undefined && column[f] !== null);

function ok<B>(reply: GraphReply, what: string): B {
  if (reply.status >= 200 && reply.status < 300) return reply.body as B;
  const error = (reply.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new Error(
    `PROVISION.FAILED: could not ${what}: Graph answered ${reply.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim(),
  );
}
