/**
 * `npm run provision`: creates Samråd's SharePoint list and columns on the configured site, or
 * adds the columns a newer version needs. Reads the same settings as the server (environment
 * or `.env`); safe to run again, a second run changes nothing.
 */
import type { TokenCredential } from '@azure/identity';
import { connectGraph } from '../src/adapters/graph/graph-connection';
import type { ProvisionResult } from '../src/adapters/sharepoint/provision';
import { listKeepsVersions, provisionSite } from '../src/adapters/sharepoint/provision';
import { RECORDS_LIST, SCHEMA_VERSION } from '../src/adapters/sharepoint/records-list';
import { readConfig } from '../src/config';
import { samradVersion } from '../src/version';

export async function provision(
  env: NodeJS.ProcessEnv,
  options: { tokenCredential?: TokenCredential; print?: (line: string) => void } = {},
): Promise<ProvisionResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const { graph } = readConfig(env);
  if (!graph) throw new Error('npm run provision needs SAMRAD_GRAPH_CREDENTIAL and SAMRAD_SHAREPOINT_SITE_ID (see README, "Running against a real tenant")');
  const connection = connectGraph({
    baseUrl: graph.baseUrl,
    credential: graph.credential,
    version: samradVersion,
    ...(options.tokenCredential && { tokenCredential: options.tokenCredential }),
  });
  const result = await provisionSite(connection.http, graph.siteId);
  print(`Site ${graph.siteId}, list ${RECORDS_LIST}, schema version ${SCHEMA_VERSION}:`);
  print(result.listCreated ? `  created the list with ${result.columnsAdded.length} columns` : '  the list was there');
  if (!result.listCreated) print(result.columnsAdded.length ? `  added columns: ${result.columnsAdded.join(', ')}` : '  no columns missing: nothing changed');
  // Graph cannot turn versioning off, and secret ballots need it off (docs/voting-rules.md).
  if (result.listCreated && (await listKeepsVersions(connection.http, graph.siteId)))
    print(`  ACTION NEEDED: the list keeps item versions. In the list's settings, Versioning settings, choose no versioning; a secret ballot's history would otherwise pair voters with choices`);
  if (result.columnsDiffering.length)
    print(`  WARNING: indexing differs from the schema (fix by hand in the list settings): ${result.columnsDiffering.join(', ')}`);
  return result;
}

if (require.main === module) {
  provision(process.env).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
