/**
 * `npm run migrate`: moves a tenant running the single `SamradRecords` list (schema 1–4,
 * docs/storage-queries.md) to the new layout: the records list at the current schema, the
 * typed result lists with their views, and every result projected into them. A dry run
 * (the default) reads only and says what it would do; `--apply` does it. Every step is
 * idempotent, so a run cut short is finished by running it again; a second full run writes
 * nothing. The product's machinery (jobs, outbox, conversations, …) moves to Azure Table
 * Storage when it is configured (`machinerySteps`); run that with the bot stopped.
 */
import type { TokenCredential } from '@azure/identity';
import { connectGraph } from '../src/adapters/graph/graph-connection';
import { openSharePointStore } from '../src/adapters/sharepoint/open-sharepoint-store';
import { provisionSite } from '../src/adapters/sharepoint/provision';
import { RECORDS_LIST, RECORD_COLUMNS, SCHEMA_VERSION } from '../src/adapters/sharepoint/records-list';
import { LIST_SCHEMAS } from '../src/adapters/sharepoint/typed-lists/list-schemas';
import { PROJECTORS } from '../src/app/projection/projectors';
import { readConfig } from '../src/config';
import { samradVersion } from '../src/version';
import { machineryStep } from './migrate-machinery';
import type { MigrationContext, MigrationStep } from './migration-step';
import { provision } from './provision';

export type { MigrationContext, MigrationStep } from './migration-step';

interface GraphList {
  readonly id: string;
  readonly name?: string;
  readonly displayName: string;
}

const site = (c: MigrationContext) => `/sites/${encodeURIComponent(c.config.graph!.siteId)}`;

async function lists(c: MigrationContext): Promise<GraphList[]> {
  const reply = await c.graph.http.send({ method: 'GET', url: `${site(c)}/lists?$select=id,name,displayName` });
  if (reply.status !== 200)
    throw new Error(`MIGRATE.FAILED: could not read the site's lists: Graph answered ${reply.status}`);
  return (reply.body as { value: GraphList[] }).value;
}

/** The schema version a records list is at: the highest whose every column it has. */
export async function recordsSchemaVersion(c: MigrationContext): Promise<number | undefined> {
  const records = (await lists(c)).find((l) => l.displayName === RECORDS_LIST);
  if (!records) return undefined;
  const reply = await c.graph.http.send({
    method: 'GET',
    url: `${site(c)}/lists/${encodeURIComponent(records.id)}/columns`,
  });
  const names = new Set((reply.body as { value: { name: string }[] }).value.map((col) => col.name));
  let version = 0;
  for (let v = 1; v <= SCHEMA_VERSION; v++)
    if (RECORD_COLUMNS.filter((col) => col.since <= v).every((col) => names.has(col.name))) version = v;
  return version;
}

const env = (c: MigrationContext) => ({ ...c.env, SAMRAD_SHAREPOINT_LISTS: 'on' });
const quiet = { print: () => {} };

/** The steps on SharePoint, in order. */
export const sharePointSteps: readonly MigrationStep[] = [
  {
    name: 'records-schema',
    async plan(c) {
      const version = await recordsSchemaVersion(c);
      if (version === undefined)
        throw new Error(
          `MIGRATE.NO_RECORDS_LIST: the site has no ${RECORDS_LIST}; this is a new site: run npm run provision instead`,
        );
      return version < SCHEMA_VERSION
        ? `upgrade ${RECORDS_LIST} from schema ${version} to ${SCHEMA_VERSION} (adds ${RECORD_COLUMNS.filter(
            (col) => col.since > version,
          )
            .map((col) => col.name)
            .join(', ')})`
        : undefined;
    },
    apply: async (c) => {
      await provisionSite(c.graph.http, c.config.graph!.siteId);
    },
  },
  {
    name: 'result-lists',
    async plan(c) {
      const present = new Set((await lists(c)).map((l) => l.name ?? l.displayName));
      const missing = LIST_SCHEMAS.filter((s) => !present.has(s.internalName)).map((s) => s.internalName);
      return missing.length
        ? `create the result lists ${missing.join(', ')} with their columns and views`
        : `check the result lists' columns and views`;
    },
    apply: async (c) => {
      await provision(env(c), { ...quiet, ...(c.tokenCredential && { tokenCredential: c.tokenCredential }) });
    },
  },
  {
    name: 'projection',
    async plan(c) {
      const store = openSharePointStore(c.graph, c.config.graph!.siteId);
      const counts: string[] = [];
      // Collections that stay small (docs/storage-queries.md); answers and responses are counted with the backfill.
      for (const collection of ['meetings', 'minutes', 'followUps', 'votes', 'hearings'].filter((k) => PROJECTORS[k]))
        counts.push(`${(await store.find(collection)).length} ${collection}`);
      return `project every result into the lists (${counts.join(', ')}, and their input and hearing responses)`;
    },
    apply: async (c) => {
      await provision(env(c), {
        ...quiet,
        projectAll: true,
        ...(c.tokenCredential && { tokenCredential: c.tokenCredential }),
      });
    },
  },
];

/**
 * With Azure Table Storage configured (SAMRAD_TABLES_ENDPOINT, or locally a connection
 * string), the machinery moves there from the records list (scripts/migrate-machinery.ts).
 */
export const machinerySteps: readonly MigrationStep[] = [machineryStep()];

export async function migrate(
  processEnv: NodeJS.ProcessEnv,
  options: {
    apply?: boolean;
    tokenCredential?: TokenCredential;
    print?: (line: string) => void;
    steps?: readonly MigrationStep[];
  } = {},
): Promise<{ planned: string[]; applied: string[] }> {
  const print = options.print ?? ((line: string) => console.log(line));
  const config = readConfig(processEnv);
  if (!config.graph)
    throw new Error(
      'npm run migrate needs SAMRAD_GRAPH_CREDENTIAL and SAMRAD_SHAREPOINT_SITE_ID: it moves a tenant’s site',
    );
  const graph = connectGraph({
    baseUrl: config.graph.baseUrl,
    credential: config.graph.credential,
    version: samradVersion,
    ...(options.tokenCredential && { tokenCredential: options.tokenCredential }),
  });
  const c: MigrationContext = {
    config,
    graph,
    env: processEnv,
    print,
    ...(options.tokenCredential && { tokenCredential: options.tokenCredential }),
  };
  const tables = config.tables;
  const steps = options.steps ?? [...sharePointSteps, ...(tables ? machinerySteps : [])];
  print(
    options.apply
      ? `Migrating site ${config.graph.siteId}:`
      : `Dry run for site ${config.graph.siteId} (nothing is changed; --apply does it):`,
  );
  const planned: string[] = [];
  const applied: string[] = [];
  for (const step of steps) {
    const plan = await step.plan(c);
    if (!plan) {
      print(`  ${step.name}: nothing to do`);
      continue;
    }
    planned.push(step.name);
    print(`  ${step.name}: ${options.apply ? '' : 'would '}${plan}`);
    if (!options.apply) continue;
    await step.apply(c);
    applied.push(step.name);
    print(`  ${step.name}: done`);
  }
  if (!tables)
    print(
      '  machinery: no Azure Table Storage configured (SAMRAD_TABLES_ENDPOINT): jobs and the outbox stay in the records list',
    );
  if (options.apply) print('Set SAMRAD_SHAREPOINT_LISTS=on for the server, so the lists stay in step from now on.');
  return { planned, applied };
}

if (require.main === module) {
  migrate(process.env, { apply: process.argv.includes('--apply') }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
