import type { TokenCredential } from '@azure/identity';
import { afterEach, describe, expect, it } from 'vitest';
import { provision } from '../../../scripts/provision';
import { provisionResultLists } from '../../../src/adapters/sharepoint/typed-lists/provision-result-lists';
import { Catalogue } from '../../../src/i18n/catalogue';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

const tokenCredential: TokenCredential = {
  getToken: async () => ({ token: 'provisioning-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const internalNames = [
  'SamradMeetings',
  'SamradCases',
  'SamradDecisions',
  'SamradVotes',
  'SamradInput',
  'SamradHearings',
  'SamradHearingResponses',
  'SamradMinutes',
  'SamradFollowUps',
];

let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const env = (f: FakeGraph, extra: Record<string, string> = {}) => ({
  SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity',
  SAMRAD_GRAPH_BASE_URL: f.baseUrl,
  SAMRAD_SHAREPOINT_SITE_ID: f.lists.siteId,
  SAMRAD_SHAREPOINT_LISTS: 'on',
  ...extra,
});

describe('provisioning the result lists', () => {
  it('makes nine lists with Norwegian display names, stable URL names and typed, indexed columns; a second run writes nothing', async () => {
    fake = await FakeGraph.start();
    const lines: string[] = [];
    const first = await provision(env(fake), { tokenCredential, print: (l) => lines.push(l) });
    expect(first.resultLists?.map((r) => r.list)).toEqual(internalNames);
    expect(first.resultLists?.every((r) => r.created)).toBe(true);
    const names = [...fake.lists.lists.values()].map((l) => `${l.name}=${l.displayName}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'SamradMeetings=Møter',
        'SamradDecisions=Vedtak',
        'SamradVotes=Avstemninger',
        'SamradHearingResponses=Høringssvar',
        'SamradMinutes=Protokoller',
        'SamradFollowUps=Oppfølging',
      ]),
    );
    const followUps = fake.lists.list('SamradFollowUps')!;
    const column = (n: string) => followUps.columns.find((c) => c.name === n)!;
    expect(column('Due')).toMatchObject({ displayName: 'Frist', indexed: true, dateTime: { format: 'dateOnly' } });
    expect(column('TaskStatus')).toMatchObject({
      indexed: true,
      choice: { choices: ['Åpen', 'Fullført'], allowTextEntry: false },
    });
    expect(column('SamradKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(fake.lists.list('SamradCases')!.columns.find((c) => c.name === 'Document')).toMatchObject({
      hyperlinkOrPicture: { isPicture: false },
    });

    // The default views, through SharePoint's REST API on the site's address.
    expect(first.views?.every((v) => v.added.length === 1)).toBe(true);
    const decisionViews = fake.views.views.get(fake.lists.list('SamradDecisions')!.id)!;
    expect(decisionViews.find((v) => v.isDefault)).toMatchObject({
      title: 'Vedtak etter organ og dato',
      query:
        '<GroupBy Collapse="FALSE"><FieldRef Name="Body" /></GroupBy><OrderBy><FieldRef Name="MeetingStart" Ascending="FALSE" /></OrderBy>',
    });
    const openFirst = fake.views.views.get(followUps.id)!.find((v) => v.isDefault)!;
    expect(openFirst.query).toBe(
      '<OrderBy><FieldRef Name="TaskStatus" Ascending="FALSE" /><FieldRef Name="Due" Ascending="TRUE" /></OrderBy>',
    );
    expect(
      fake.views.views.get(fake.lists.list('SamradHearingResponses')!.id)!.find((v) => v.isDefault)!.query,
    ).toContain('<GroupBy Collapse="FALSE"><FieldRef Name="HearingId" />');
    expect(
      fake.requests.filter((r) => r.path.startsWith('/_api/')).every((r) => r.token === 'provisioning-token'),
    ).toBe(true);

    const writes = fake.writes();
    const second = await provision(env(fake), { tokenCredential, print: (l) => lines.push(l) });
    expect(second.views?.every((v) => v.added.length === 0)).toBe(true);
    expect(fake.writes()).toBe(writes);
    expect(
      second.resultLists?.every((r) => !r.created && r.columnsAdded.length === 0 && r.columnsDiffering.length === 0),
    ).toBe(true);
    expect(lines.filter((l) => /^ {2}Samrad\w+: nothing changed$/.test(l))).toHaveLength(9);
  });

  it('upgrades a list made by an older version: adds the missing column only, and reports one whose type differs', async () => {
    fake = await FakeGraph.start();
    const http = graphOnFake(fake).http;
    const t = Catalogue.load().for('nb');
    await provisionResultLists(http, fake.lists.siteId, t);
    const votes = fake.lists.list('SamradVotes')!;
    votes.columns.splice(
      votes.columns.findIndex((c) => c.name === 'QuorumMet'),
      1,
    );
    const outcome = votes.columns.findIndex((c) => c.name === 'Outcome');
    votes.columns[outcome] = { name: 'Outcome', indexed: false, enforceUniqueValues: false, text: {} };
    const writes = fake.writes();
    const again = await provisionResultLists(http, fake.lists.siteId, t);
    expect(again.find((r) => r.list === 'SamradVotes')).toMatchObject({
      created: false,
      columnsAdded: ['QuorumMet'],
      columnsDiffering: ['Outcome'],
    });
    expect(fake.writes()).toBe(writes + 1);
  });

  it('gives English names when the site’s language is English, and leaves a display name an admin changed', async () => {
    fake = await FakeGraph.start();
    await provision(env(fake, { SAMRAD_DEFAULT_LOCALE: 'en' }), { tokenCredential, print: () => {} });
    expect(fake.lists.list('SamradHearingResponses')!.displayName).toBe('Hearing responses');
    fake.lists.list('SamradMeetings')!.displayName = 'Våre møter';
    const writes = fake.writes();
    await provision(env(fake, { SAMRAD_DEFAULT_LOCALE: 'en' }), { tokenCredential, print: () => {} });
    expect(fake.lists.list('SamradMeetings')!.displayName).toBe('Våre møter');
    expect(fake.writes()).toBe(writes);
  });

  it('goes on without the views when SharePoint refuses its REST API (a client secret), and says so', async () => {
    fake = await FakeGraph.start();
    fake.faults.add({ status: 401, times: 1, path: /^\/_api\// });
    const lines: string[] = [];
    const result = await provision(env(fake), { tokenCredential, print: (l) => lines.push(l) });
    expect(result.resultLists).toHaveLength(9);
    expect(result.views).toBeUndefined();
    expect(lines.some((l) => l.startsWith('  WARNING: PROVISION.VIEWS_FAILED') && l.includes('401'))).toBe(true);
  });

  it('makes no result lists while SAMRAD_SHAREPOINT_LISTS is off, and --project-all says what to set', async () => {
    fake = await FakeGraph.start();
    const off = env(fake, { SAMRAD_SHAREPOINT_LISTS: 'off' });
    const result = await provision(off, { tokenCredential, print: () => {} });
    expect(result.resultLists).toBeUndefined();
    expect(fake.lists.list('SamradMeetings')).toBeUndefined();
    await expect(provision(off, { tokenCredential, print: () => {}, projectAll: true })).rejects.toThrow(
      /SAMRAD_SHAREPOINT_LISTS=on/,
    );
  });
});
