import { TableClient } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import { JOBS } from '../../app/scheduling/job';
import { DELIVERY_FAILURES } from '../../app/delivery/delivery-failures';
import { RETENTION_LIST } from '../../app/scheduling/retention';
import { BACKFILLS } from '../../app/scheduling/run-once';
import type { TablesConfig } from '../../config';

/**
 * The product's own machinery, which goes to Table Storage when several instances run: jobs
 * (and with them the outbox, whose messages are jobs), retention's progress, the start-up
 * backfills done (beside the jobs they made), conversation references, identity links, Teams
 * users and delivery failures. Everything people keep (meetings, votes, hearings, minutes)
 * stays in the configured store.
 */
export const MACHINERY_LISTS: ReadonlySet<string> = new Set([
  JOBS,
  RETENTION_LIST,
  BACKFILLS,
  'conversations',
  'identityLinks',
  'teamsUsers',
  DELIVERY_FAILURES,
]);

/**
 * A client for one table: with an endpoint, signed in as the App Service's managed identity
 * (a user-assigned one by its client id) through DefaultAzureCredential, no key anywhere;
 * with a connection string (Azurite, local mode only: config.ts refuses it in production),
 * by its account key.
 */
export function tableClient(config: TablesConfig, table: string, credential?: TokenCredential): TableClient {
  if ('connectionString' in config)
    return TableClient.fromConnectionString(config.connectionString, table, {
      allowInsecureConnection: /TableEndpoint=http:\/\//i.test(config.connectionString),
    });
  const signIn =
    credential ?? new DefaultAzureCredential(config.clientId ? { managedIdentityClientId: config.clientId } : {});
  return new TableClient(config.endpoint, table, signIn);
}
