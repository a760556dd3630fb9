import type { TokenCredential } from '@azure/identity';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../scripts/migrate';
import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { columnsAt } from '../../../src/adapters/sharepoint/records-list';
import { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import { openSharePointStore } from '../../../src/adapters/sharepoint/open-sharepoint-store';
import type { Meeting } from '../../../src/domain/meeting';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { rowsOf } from '../../fakes/fake-graph/result-lists-on-fake';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';
import { runSecretVote } from '../forensics/secret-vote-run';

const tokenCredential: TokenCredential = {
  getToken: async () => ({ token: 'migration-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const meeting = (id: string, n: number): Meeting => ({
  id,
  bodyId: 'styret',
  title: `Styremøte ${n}`,
  start: `2026-0${n}-10T09:00:00.000Z`,
  end: `2026-0${n}-10T11:00:00.000Z`,
  place: 'Rådhuset',
  year: 2026,
  number: n,
  state: 'held',
  version: 3,
  agenda: [
    {
      id: `${id}-1`,
      caseNumber: { number: n * 10, year: 2026 },
      kind: 'case',
      title: `Sak ${n}`,
      proposal: { kind: 'text', text: 'Vedtas.' },
      documents: [],
      status: 'decided',
    },
  ],
});

/**
 * A site as a tenant runs it today: everything in SamradRecords, with meetings and a closed
 * secret vote in it; its list still at schema 3 (provisioning after the last upgrade not run).
 */
async function todaysSite(f: FakeGraph): Promise<SharePointStore> {
  const graph = graphOnFake(f);
  await provisionSite(graph.http, f.lists.siteId);
  const store = openSharePointStore(graph, f.lists.siteId);
  for (const n of [1, 2, 3]) await store.create('meetings', `M${n}`, meeting(`M${n}`, n));
  await runSecretVote(store, () => undefined);
  const records = f.lists.list('SamradRecords')!;
  const v3 = new Set(columnsAt(3).map((c) => c.name));
  records.columns.splice(
    0,
    records.columns.length,
    ...records.columns.filter((c) => v3.has(c.name) || ['Title', 'ID', 'Created', 'Modified'].includes(c.name)),
  );
  for (const item of records.items.values()) delete item.fields.FilterFinishedDay;
  return store;
}

const env = (f: FakeGraph) => ({
  SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity',
  SAMRAD_GRAPH_BASE_URL: f.baseUrl,
  SAMRAD_SHAREPOINT_SITE_ID: f.lists.siteId,
});

describe('npm run migrate, on a copy of today’s single-list layout', () => {
  it('a dry run says what it will do and changes nothing', async () => {
    fake = await FakeGraph.start();
    await todaysSite(fake);
    const writes = fake.writes();
    const lines: string[] = [];
    const { planned, applied } = await migrate(env(fake), { tokenCredential, print: (l) => lines.push(l) });
    expect(fake.writes()).toBe(writes);
    expect(applied).toEqual([]);
    expect(planned).toEqual(['records-schema', 'result-lists', 'projection']);
    expect(lines).toContain(
      '  records-schema: would upgrade SamradRecords from schema 3 to 4 (adds FilterFinishedDay, LongRecordId)',
    );
    expect(
      lines.some((l) => l.startsWith('  result-lists: would create the result lists SamradMeetings, SamradCases')),
    ).toBe(true);
    expect(lines.some((l) => l.includes('3 meetings') && l.includes('1 votes'))).toBe(true);
    expect(fake.lists.list('SamradMeetings')).toBeUndefined();
  });

  it('--apply upgrades the records list, makes the lists and fills them; cut short, a second run finishes; a third writes nothing', async () => {
    fake = await FakeGraph.start();
    await todaysSite(fake);
    // The process dies (here: SharePoint refuses) at the first row written into a typed list.
    fake.faults.add({ status: 400, times: 1, method: 'POST', path: /\/lists\/[0-9a-f-]{36}\/items$/ });
    await expect(migrate(env(fake), { apply: true, tokenCredential, print: () => {} })).rejects.toThrow();
    expect(fake.lists.list('SamradRecords')!.columns.map((c) => c.name)).toContain('FilterFinishedDay');

    const lines: string[] = [];
    const second = await migrate(env(fake), { apply: true, tokenCredential, print: (l) => lines.push(l) });
    expect(second.applied).toEqual(['result-lists', 'projection']); // the records list was done before the crash
    expect(lines.at(-1)).toBe('Set SAMRAD_SHAREPOINT_LISTS=on for the server, so the lists stay in step from now on.');
    expect(rowsOf(fake, 'SamradMeetings').map((r) => [r.Title, r.State])).toEqual([
      ['Styremøte 1', 'Holdt'],
      ['Styremøte 2', 'Holdt'],
      ['Styremøte 3', 'Holdt'],
    ]);
    expect(rowsOf(fake, 'SamradCases').map((r) => r.CaseNumber)).toEqual(['10/2026', '20/2026', '30/2026']);
    expect(rowsOf(fake, 'SamradVotes')).toEqual([
      expect.objectContaining({ Secrecy: 'Hemmelig', For: 4, Against: 2, Abstained: 1 }),
    ]);

    const writes = fake.writes();
    await migrate(env(fake), { apply: true, tokenCredential, print: () => {} });
    expect(fake.writes()).toBe(writes);
  });

  it('says the machinery stays in the records list when no Azure Table Storage is configured', async () => {
    fake = await FakeGraph.start();
    await todaysSite(fake);
    const lines: string[] = [];
    const { planned } = await migrate(env(fake), { tokenCredential, print: (l) => lines.push(l) });
    expect(planned).not.toContain('machinery');
    expect(lines).toContain(
      '  machinery: no Azure Table Storage configured (SAMRAD_TABLES_ENDPOINT): jobs and the outbox stay in the records list',
    );
  });
});
