import type { TokenCredential } from '@azure/identity';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../scripts/migrate';
import { machineryStep } from '../../../scripts/migrate-machinery';
import { TableRecordStore } from '../../../src/adapters/azure-tables/table-store';
import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { openSharePointStore } from '../../../src/adapters/sharepoint/open-sharepoint-store';
import type { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import type { Job, JobState } from '../../../src/app/scheduling/job';
import type { RecordStore } from '../../../src/ports/record-store';
import type { Azurite } from '../../fixtures/azurite';
import { freshTableName, startAzurite } from '../../fixtures/azurite';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

const tokenCredential: TokenCredential = {
  getToken: async () => ({ token: 'migration-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
/** SharePoint's multi-line text column (Microsoft's documented limit): a record past it is kept in parts. */
const MULTI_LINE_MAX = 63_999;

let azurite: Azurite;
let fake: FakeGraph | undefined;
// What beforeAll returns vitest runs after the file, and only when the start succeeded.
beforeAll(async () => {
  azurite = await startAzurite();
  return () => azurite.stop();
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const today = new Date().toISOString().slice(0, 10);
const job = (id: string, state: JobState, extra: Partial<Job> = {}): Job => ({
  id,
  kind: 'proactive.send',
  dueAt: '2026-11-01T08:00:00.000Z',
  payload: { conversation: 'c1', text: 'Påminnelse' },
  state,
  attempts: state === 'pending' ? 0 : 1,
  maxAttempts: 5,
  createdAt: '2026-11-01T07:00:00.000Z',
  updatedAt: '2026-11-01T08:00:00.000Z',
  ...extra,
});

/** Today's layout: the machinery beside the meetings in SamradRecords, one job large enough to be kept in parts. */
const MACHINERY: Record<string, Record<string, unknown>> = {
  jobs: {
    'remind:v1:ola': job('remind:v1:ola', 'pending'),
    'close:v1': job('close:v1', 'claimed', {
      claim: { owner: 'old-instance', at: '2026-11-01T08:00:00.000Z', until: '2026-11-01T08:05:00.000Z' },
    }),
    'send:h1:kari': job('send:h1:kari', 'done', { finishedAt: `${today}T09:00:00.000Z`, finishedDay: today }),
    'send:old': job('send:old', 'done', { finishedAt: '2025-01-01T09:00:00.000Z' }),
    'send:failed': job('send:failed', 'failed', { lastError: 'Teams svarte 403' }),
    'send:big': job('send:big', 'pending', { payload: { text: 'æ'.repeat(MULTI_LINE_MAX + 10_000) } }),
  },
  conversations: { 'channel:19:abc': { id: '19:abc', serviceUrl: 'https://smba.trafficmanager.net/emea/' } },
  identityLinks: { 'aad:1111': { aadObjectId: '1111', personId: 'ola' } },
  teamsUsers: { '1111': { aadObjectId: '1111', name: 'Ola Nordmann' } },
  deliveryFailures: { 'send:c1:a1': { at: '2026-11-02T10:00:00.000Z', status: 403 } },
  retention: { progress: { lastDay: '2026-11-30' } },
  backfills: { 'business-reminders:1a2b': { name: 'business-reminders:1a2b', finishedAt: '2026-11-30T10:00:00.000Z' } },
};
const COUNT = Object.values(MACHINERY).reduce((n, c) => n + Object.keys(c).length, 0);

async function todaysSite(f: FakeGraph): Promise<SharePointStore> {
  const graph = graphOnFake(f);
  await provisionSite(graph.http, f.lists.siteId);
  const store = openSharePointStore(graph, f.lists.siteId);
  await store.create('meetings', 'M1', { id: 'M1', title: 'Styremøte 1' });
  for (const [collection, records] of Object.entries(MACHINERY))
    for (const [id, value] of Object.entries(records)) await store.create(collection, id, value);
  return store;
}

function setUp(f: FakeGraph) {
  const table = freshTableName('migrate');
  const env = {
    SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity',
    SAMRAD_GRAPH_BASE_URL: f.baseUrl,
    SAMRAD_SHAREPOINT_SITE_ID: f.lists.siteId,
    SAMRAD_TABLES_CONNECTION_STRING: azurite.connectionString,
    SAMRAD_TABLES_TABLE: table,
  };
  return { env, tables: new TableRecordStore(azurite.client(table)) };
}

/** Where each machinery record is now: in the Table, in the list, or both. */
async function whereabouts(list: RecordStore, tables: RecordStore) {
  const inTables: string[] = [];
  const inList: string[] = [];
  for (const collection of Object.keys(MACHINERY)) {
    for (const r of await tables.find(collection)) inTables.push(`${collection}/${r.id}`);
    for (const id of Object.keys(MACHINERY[collection]!))
      if (await list.get(collection, id)) inList.push(`${collection}/${id}`);
  }
  return { inTables, inList };
}

const all = Object.entries(MACHINERY).flatMap(([c, records]) => Object.keys(records).map((id) => `${c}/${id}`));

describe('npm run migrate moves the machinery from SamradRecords to Azure Table Storage', () => {
  it('a dry run counts what would move per collection and writes nothing anywhere', async () => {
    fake = await FakeGraph.start();
    await todaysSite(fake);
    const { env, tables } = setUp(fake);
    const writes = fake.writes();
    const lines: string[] = [];
    const { planned, applied } = await migrate(env, { tokenCredential, print: (l) => lines.push(l) });
    expect(planned).toContain('machinery');
    expect(applied).toEqual([]);
    expect(fake.writes()).toBe(writes);
    expect(lines.find((l) => l.startsWith('  machinery: would'))).toBe(
      `  machinery: would move 6 jobs, 1 retention, 1 backfills, 1 conversations, 1 identityLinks, 1 teamsUsers, 1 deliveryFailures from SamradRecords to the Azure Table ${env.SAMRAD_TABLES_TABLE}`,
    );
    expect((await whereabouts(openSharePointStore(graphOnFake(fake), fake.lists.siteId), tables)).inTables).toEqual([]);
  });

  it('--apply moves every record once, values whole (a record kept in parts too); a second run moves 0 and writes nothing', async () => {
    fake = await FakeGraph.start();
    const list = await todaysSite(fake);
    const { env, tables } = setUp(fake);
    const lines: string[] = [];
    await migrate(env, { apply: true, steps: [machineryStep()], tokenCredential, print: (l) => lines.push(l) });
    expect(lines).toContain(
      '  machinery: moved 6 jobs, 1 retention, 1 backfills, 1 conversations, 1 identityLinks, 1 teamsUsers, 1 deliveryFailures',
    );
    const now = await whereabouts(list, tables);
    expect(now.inTables.sort()).toEqual([...all].sort());
    expect(now.inList).toEqual([]);
    for (const [collection, records] of Object.entries(MACHINERY))
      for (const [id, value] of Object.entries(records))
        expect((await tables.get(collection, id))?.value).toEqual(value);
    // The list keeps the people's records, and no part of the large job.
    expect(await list.get('meetings', 'M1')).toBeDefined();
    expect(await list.find('recordParts')).toEqual([]);
    // The job claimed by a runner that died is pending work the new runner takes over (its lease expired).
    expect((await tables.find<Job>('jobs', { state: 'claimed' })).map((r) => r.id)).toEqual(['close:v1']);

    const writes = fake.writes();
    const again: string[] = [];
    const second = await migrate(env, {
      apply: true,
      steps: [machineryStep()],
      tokenCredential,
      print: (l) => again.push(l),
    });
    expect(second.applied).toEqual([]);
    expect(again).toContain('  machinery: nothing to do');
    expect(fake.writes()).toBe(writes);
    expect((await whereabouts(list, tables)).inTables).toHaveLength(COUNT);
  });

  it('cut short while writing to the Table, a second run finishes: each record exactly once, none removed from the list before it was in the Table', async () => {
    fake = await FakeGraph.start();
    const list = await todaysSite(fake);
    const { env, tables } = setUp(fake);
    let creates = 0;
    const dying: RecordStore = Object.assign(Object.create(tables) as RecordStore, {
      create: async (l: string, id: string, v: unknown) => {
        if (++creates > 4) throw new Error('the process died');
        return tables.create(l, id, v);
      },
    });
    const step = machineryStep((c) => ({
      source: openSharePointStore(c.graph, c.config.graph!.siteId),
      target: dying,
    }));
    await expect(migrate(env, { apply: true, steps: [step], tokenCredential, print: () => {} })).rejects.toThrow(
      'the process died',
    );
    const midway = await whereabouts(list, tables);
    expect(midway.inTables).toHaveLength(4);
    for (const record of all) expect(midway.inTables.includes(record) || midway.inList.includes(record)).toBe(true);
    expect(midway.inList.length).toBeGreaterThan(0);

    const lines: string[] = [];
    await migrate(env, { apply: true, steps: [machineryStep()], tokenCredential, print: (l) => lines.push(l) });
    const done = await whereabouts(list, tables);
    expect(done.inTables.sort()).toEqual([...all].sort());
    expect(new Set(done.inTables).size).toBe(COUNT);
    expect(done.inList).toEqual([]);
  });

  it('cut short between the Table and the list, the next run finds the record there and only removes it from the list', async () => {
    fake = await FakeGraph.start();
    const list = await todaysSite(fake);
    const { env, tables } = setUp(fake);
    fake.faults.add({ status: 400, times: 1, method: 'DELETE', path: /\/items\/\d+$/ });
    await expect(
      migrate(env, { apply: true, steps: [machineryStep()], tokenCredential, print: () => {} }),
    ).rejects.toThrow();
    const midway = await whereabouts(list, tables);
    expect(midway.inTables).toHaveLength(1);
    expect(midway.inList).toHaveLength(COUNT);

    const lines: string[] = [];
    await migrate(env, { apply: true, steps: [machineryStep()], tokenCredential, print: (l) => lines.push(l) });
    expect(lines.find((l) => l.startsWith('  machinery: moved'))).toContain('6 jobs (1 already there)');
    const done = await whereabouts(list, tables);
    expect(done.inTables).toHaveLength(COUNT);
    expect(done.inList).toEqual([]);
  });

  it('refuses to move while a runner holds a live claim, and the dry run says so', async () => {
    fake = await FakeGraph.start();
    const list = await todaysSite(fake);
    const { env, tables } = setUp(fake);
    const until = new Date(Date.now() + 5 * 60_000).toISOString();
    await list.create(
      'jobs',
      'running:now',
      job('running:now', 'claimed', { claim: { owner: 'live', at: new Date().toISOString(), until } }),
    );
    const lines: string[] = [];
    await migrate(env, { steps: [machineryStep()], tokenCredential, print: (l) => lines.push(l) });
    expect(lines).toContain('  machinery: 1 job(s) are claimed under a live lease: stop the bot before --apply');
    await expect(
      migrate(env, { apply: true, steps: [machineryStep()], tokenCredential, print: () => {} }),
    ).rejects.toThrow(`MIGRATE.BOT_RUNNING: 1 job(s) are claimed by a runner until ${until} (running:now)`);
    expect((await whereabouts(list, tables)).inTables).toEqual([]);
  });
});
