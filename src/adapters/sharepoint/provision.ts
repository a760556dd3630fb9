import { randomUUID } from 'node:crypto';
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
  const lists = ok<{ value: GraphList[] }>(
    await http.send({ method: 'GET', url: `${site}/lists?$select=id,displayName` }),
    'read the lists',
  );
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
  const differing = columns
    .filter((c) => byName.has(c.name) && (byName.get(c.name)!.indexed ?? false) !== c.indexed)
    .map((c) => c.name);
  return { listCreated: false, columnsAdded: added, columnsDiffering: differing };
}

/**
 * Whether the list keeps item version history. Secret ballots need it off (docs/voting-rules.md):
 * every version of a ballot box, one ballot apart, would pair a voter with a choice. Graph can
 * neither read nor change the setting, so it is found out: a probe item holding nothing is
 * written twice, its versions are read back, and it is removed. The site owner turns
 * versioning off in the list's settings (Versioning settings: no versions).
 */
export async function listKeepsVersions(
  http: GraphHttp,
  siteId: string,
  listName: string = RECORDS_LIST,
): Promise<boolean> {
  const items = `/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listName)}/items`;
  const key = `probe/${randomUUID()}`;
  const fields = {
    Title: 'versioning probe',
    Collection: 'samrad.probe',
    RecordKey: key,
    RecordId: key,
    Value: 'null',
  };
  const created = ok<{ id: string }>(
    await http.send({ method: 'POST', url: items, body: { fields } }),
    'write a probe item',
  );
  const item = `${items}/${encodeURIComponent(created.id)}`;
  try {
    ok(await http.send({ method: 'PATCH', url: `${item}/fields`, body: { Value: '0' } }), 'update the probe item');
    const versions = ok<{ value: unknown[] }>(
      await http.send({ method: 'GET', url: `${item}/versions` }),
      'read the probe item versions',
    );
    // With versioning on: the created and the updated version. Off: the current one at most.
    return versions.value.length > 1;
  } finally {
    await http.send({ method: 'DELETE', url: item });
  }
}

function ok<B>(reply: GraphReply, what: string): B {
  if (reply.status >= 200 && reply.status < 300) return reply.body as B;
  const error = (reply.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new Error(
    `PROVISION.FAILED: could not ${what}: Graph answered ${reply.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim(),
  );
}
