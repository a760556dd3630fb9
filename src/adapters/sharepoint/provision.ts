import type { GraphHttp, GraphReply } from '../graph/graph-client';
import type { ColumnSpec } from './records-list';
import { RECORDS_LIST, RECORD_COLUMNS, columnDefinition } from './records-list';

export interface ProvisionResult {
  readonly listCreated: boolean;
  readonly columnsAdded: readonly string[];
  /** Columns already there with another index setting: reported, never changed silently. */
  readonly columnsDiffering: readonly string[];
}

interface GraphList {
  readonly id: string;
  readonly displayName: string;
}

interface GraphColumn {
  readonly name: string;
  readonly indexed?: boolean;
}

/**
 * Creates the records list and its columns on the site, and adds the columns a site made by an
 * older version lacks. Reads first and writes only what is missing, so a second run makes
 * no writes. Needs Sites.Selected with a `manage` grant (creating lists and columns); the
 * running server needs only `write`.
 */
export async function provisionSite(
  http: GraphHttp,
  siteId: string,
  columns: readonly ColumnSpec[] = RECORD_COLUMNS,
  listName: string = RECORDS_LIST,
): Promise<ProvisionResult> {
  const site = `/sites/${encodeURIComponent(siteId)}`;
  const lists = ok<{ value: GraphList[] }>(await http.send({ method: 'GET', url: `${site}/lists?$select=id,displayName` }), 'read the lists');
  const existing = lists.value.find((l) => l.displayName === listName);
  if (!existing) {
    ok(
      await http.send({
        method: 'POST',
        url: `${site}/lists`,
        body: { displayName: listName, columns: columns.map(columnDefinition), list: { template: 'genericList' } },
      }),
      `create the list ${listName}`,
    );
    return { listCreated: true, columnsAdded: columns.map((c) => c.name), columnsDiffering: [] };
  }
  const url = `${site}/lists/${encodeURIComponent(existing.id)}/columns`;
  const present = ok<{ value: GraphColumn[] }>(await http.send({ method: 'GET', url }), 'read the columns').value;
  const byName = new Map(present.map((c) => [c.name, c]));
  const added: string[] = [];
  for (const column of columns.filter((c) => !byName.has(c.name))) {
    // One at a time: a unique column must exist before items would clash on it.
    ok(await http.send({ method: 'POST', url, body: columnDefinition(column) }), `add the column ${column.name}`);
    added.push(column.name);
  }
  const differing = columns.filter((c) => byName.has(c.name) && (byName.get(c.name)!.indexed ?? false) !== c.indexed).map((c) => c.name);
  return { listCreated: false, columnsAdded: added, columnsDiffering: differing };
}

function ok<B>(reply: GraphReply, what: string): B {
  if (reply.status >= 200 && reply.status < 300) return reply.body as B;
  const error = (reply.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new Error(`PROVISION.FAILED: could not ${what}: Graph answered ${reply.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim());
}
