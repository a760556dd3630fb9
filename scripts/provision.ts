/**
 * `npm run provision`: creates Samråd's SharePoint list and columns on the configured site, or
 * adds the columns a newer version needs; with `SAMRAD_SHAREPOINT_LISTS=on` also the typed
 * result lists (docs/sharepoint-lists.md), and with `--project-all` fills them from the records.
 * Reads the same settings as the server (environment or `.env`); safe to run again, a second
 * run changes nothing.
 */
import type { TokenCredential } from '@azure/identity';
import { connectGraph } from '../src/adapters/graph/graph-connection';
import type { ProvisionResult } from '../src/adapters/sharepoint/provision';
import { listKeepsVersions, provisionSite } from '../src/adapters/sharepoint/provision';
import { RECORDS_LIST, SCHEMA_VERSION } from '../src/adapters/sharepoint/records-list';
import {
  provisionResultLists,
  type ResultListProvision,
} from '../src/adapters/sharepoint/typed-lists/provision-result-lists';
import type { GraphHttp } from '../src/adapters/graph/graph-client';
import { LIST_SCHEMAS } from '../src/adapters/sharepoint/typed-lists/list-schemas';
import { provisionViews, ViewsRefused, type ViewProvision } from '../src/adapters/sharepoint/typed-lists/list-views';
import type { Translator } from '../src/i18n/catalogue';
import type { BackfillReport } from '../src/app/projection/project-all';
import { readConfig } from '../src/config';
import { Catalogue } from '../src/i18n/catalogue';
import { samradVersion } from '../src/version';
import { backfillResultLists } from './backfill-result-lists';

export interface ProvisionReport extends ProvisionResult {
  /** With SAMRAD_SHAREPOINT_LISTS=on: what became of each typed list. */
  readonly resultLists?: readonly ResultListProvision[];
  readonly backfill?: BackfillReport;
  /** The default views added, per list; undefined when SharePoint refused them (printed). */
  readonly views?: readonly ViewProvision[];
}

/** Views through SharePoint's REST API on the site's own address; a refusal is told, not fatal. */
async function provisionAllViews(
  graph: NonNullable<ReturnType<typeof readConfig>['graph']>,
  http: GraphHttp,
  lists: readonly ResultListProvision[],
  t: Translator,
  tokenCredential: TokenCredential | undefined,
  print: (line: string) => void,
): Promise<ViewProvision[] | undefined> {
  const site = await http.send({ method: 'GET', url: `/sites/${encodeURIComponent(graph.siteId)}?$select=webUrl` });
  const webUrl = (site.body as { webUrl?: string } | undefined)?.webUrl;
  if (site.status !== 200 || !webUrl) {
    print(
      `  WARNING: could not read the site's address (Graph answered ${site.status}); no views made. docs/sharepoint-lists.md lists them.`,
    );
    return undefined;
  }
  const rest = connectGraph({
    baseUrl: `${webUrl.replace(/\/+$/, '')}/_api`,
    credential: graph.credential,
    version: samradVersion,
    ...(tokenCredential && { tokenCredential }),
  });
  const made: ViewProvision[] = [];
  try {
    for (const list of lists) {
      const schema = LIST_SCHEMAS.find((s) => s.internalName === list.list)!;
      const views = await provisionViews(rest.http, list.listId, schema, t);
      made.push(views);
      if (views.added.length) print(`  ${list.list}: added the view ${views.added.join(', ')}`);
    }
  } catch (e) {
    if (!(e instanceof ViewsRefused)) throw e;
    // SharePoint's REST API takes app-only tokens from a certificate or a managed identity only.
    print(
      `  WARNING: ${e.message}. The lists work without their views; docs/sharepoint-lists.md says how to make them by hand.`,
    );
    return undefined;
  }
  return made;
}

export async function provision(
  env: NodeJS.ProcessEnv,
  options: { tokenCredential?: TokenCredential; print?: (line: string) => void; projectAll?: boolean } = {},
): Promise<ProvisionReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  const config = readConfig(env);
  const { graph } = config;
  if (!graph)
    throw new Error(
      'npm run provision needs SAMRAD_GRAPH_CREDENTIAL and SAMRAD_SHAREPOINT_SITE_ID (see docs/operations.md, "Running against a real tenant")',
    );
  const connection = connectGraph({
    baseUrl: graph.baseUrl,
    credential: graph.credential,
    version: samradVersion,
    ...(options.tokenCredential && { tokenCredential: options.tokenCredential }),
  });
  const result = await provisionSite(connection.http, graph.siteId);
  print(`Site ${graph.siteId}, list ${RECORDS_LIST}, schema version ${SCHEMA_VERSION}:`);
  print(result.listCreated ? `  created the list with ${result.columnsAdded.length} columns` : '  the list was there');
  if (!result.listCreated)
    print(
      result.columnsAdded.length
        ? `  added columns: ${result.columnsAdded.join(', ')}`
        : '  no columns missing: nothing changed',
    );
  // Graph cannot turn versioning off, and secret ballots need it off (docs/voting-rules.md).
  if (result.listCreated && (await listKeepsVersions(connection.http, graph.siteId)))
    print(
      `  ACTION NEEDED: the list keeps item versions. In the list's settings, Versioning settings, choose no versioning; a secret ballot's history would otherwise pair voters with choices`,
    );
  if (result.columnsDiffering.length)
    print(
      `  WARNING: indexing differs from the schema (fix by hand in the list settings): ${result.columnsDiffering.join(', ')}`,
    );
  if (!graph.resultLists) {
    if (options.projectAll)
      throw new Error('--project-all needs SAMRAD_SHAREPOINT_LISTS=on (docs/sharepoint-lists.md)');
    return result;
  }
  const t = Catalogue.load().for(config.defaultLocale);
  const resultLists = await provisionResultLists(connection.http, graph.siteId, t);
  print(`Result lists (${config.defaultLocale}):`);
  for (const r of resultLists) {
    if (r.created) print(`  ${r.list}: created with ${r.columnsAdded.length} columns`);
    else
      print(
        r.columnsAdded.length
          ? `  ${r.list}: added columns ${r.columnsAdded.join(', ')}`
          : `  ${r.list}: nothing changed`,
      );
    if (r.columnsDiffering.length)
      print(
        `  WARNING: ${r.list}: type or indexing differs from the schema (fix by hand): ${r.columnsDiffering.join(', ')}`,
      );
  }
  const views = await provisionAllViews(graph, connection.http, resultLists, t, options.tokenCredential, print);
  if (!options.projectAll) return { ...result, resultLists, views };
  const backfill = await backfillResultLists(config, connection, t);
  print(
    `Projected ${backfill.records} records: ${backfill.created} rows created, ${backfill.updated} updated, ${backfill.removed} removed, ${backfill.unchanged} unchanged`,
  );
  return { ...result, resultLists, views, backfill };
}

if (require.main === module) {
  provision(process.env, { projectAll: process.argv.includes('--project-all') }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
