import type { GraphConnection } from '../src/adapters/graph/graph-connection';
import { YamlOrganisationSource } from '../src/adapters/organisation-file/yaml-organisation-source';
import { openSharePointStore } from '../src/adapters/sharepoint/open-sharepoint-store';
import { SharePointResultLists } from '../src/adapters/sharepoint/typed-lists/sharepoint-result-lists';
import { OrganisationRegistry } from '../src/app/organisation-registry';
import type { BackfillReport } from '../src/app/projection/project-all';
import { projectAll } from '../src/app/projection/project-all';
import { SealedBallotBoxes } from '../src/app/voting/sealed-ballot-boxes';
import type { Config } from '../src/config';
import type { Translator } from '../src/i18n/catalogue';
import { systemClock } from '../src/ports/clock';

/**
 * Every projected record on the site, written into the typed lists: the records store read as
 * the server reads it (ballot boxes unsealed with SAMRAD_BALLOT_KEY, for the closed votes' totals).
 */
export async function backfillResultLists(
  config: Config,
  connection: GraphConnection,
  t: Translator,
): Promise<BackfillReport> {
  const graph = config.graph!;
  const records = openSharePointStore(connection, graph.siteId);
  const store = config.ballotKey ? new SealedBallotBoxes(records, config.ballotKey) : records;
  const registry = await OrganisationRegistry.open(new YamlOrganisationSource(config.organisationFile));
  const lists = new SharePointResultLists(connection.http, graph.siteId, t);
  try {
    return await projectAll({
      store,
      lists,
      clock: systemClock,
      context: () => ({ organisation: registry.organisation, t }),
    });
  } finally {
    await store.close();
  }
}
