import type { TokenCredential } from '@azure/identity';
import { afterEach, describe, expect, it } from 'vitest';
import { provision } from '../../scripts/provision';
import { listKeepsVersions } from '../../src/adapters/sharepoint/provision';
import { SealedBallotBoxes } from '../../src/app/voting/sealed-ballot-boxes';
import { FakeGraph } from '../fakes/fake-graph/fake-graph-server';
import { graphOnFake, sharePointStoreOnFake } from '../fakes/fake-graph/sharepoint-on-fake';
import type { BoxVersion } from './forensics/ballot-forensics';
import { boxVersionsInText, pairVotersWithChoices } from './forensics/ballot-forensics';
import { choices, runSecretVote } from './forensics/secret-vote-run';

const tokenCredential: TokenCredential = {
  getToken: async () => ({ token: 'provisioning-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

interface Versions {
  value: { id: string; fields: { Value?: string } }[];
}

/** Every version of every item's Value column, through Graph, as a site owner reads them. */
async function valuesInHistory(f: FakeGraph): Promise<string[]> {
  const http = graphOnFake(f).http;
  const site = `/sites/${encodeURIComponent(f.lists.siteId)}/lists/SamradRecords/items`;
  const list = f.lists.list('SamradRecords')!;
  const values: string[] = [];
  for (const itemId of list.items.keys()) {
    const reply = await http.send({ method: 'GET', url: `${site}/${itemId}/versions` });
    expect(reply.status).toBe(200);
    for (const version of (reply.body as Versions).value) values.push(version.fields.Value ?? '');
  }
  return values;
}

/** The versions of the vote's box a site owner can read after the vote. */
async function versionHistoryAsSiteOwner(f: FakeGraph, voteId: string): Promise<BoxVersion[]> {
  return (await valuesInHistory(f)).flatMap((value) => boxVersionsInText(value, voteId));
}

describe('a secret vote against a site owner reading the list’s version history', () => {
  it('with versioning on, as a new list has it, the history pairs every voter: provisioning can tell', async () => {
    fake = await FakeGraph.start();
    const store = await sharePointStoreOnFake(fake);
    expect(await listKeepsVersions(graphOnFake(fake).http, fake.lists.siteId)).toBe(true);
    const voteId = await runSecretVote(store, () => undefined);
    const paired = pairVotersWithChoices(await versionHistoryAsSiteOwner(fake, voteId));
    expect(Object.fromEntries(paired)).toEqual(Object.fromEntries(choices));
  });

  it('with versioning off, as the site owner is told to set it, no version pairs anyone', async () => {
    fake = await FakeGraph.start();
    const store = await sharePointStoreOnFake(fake);
    fake.lists.versions.setVersioning(fake.lists.list('SamradRecords')!.id, false);
    expect(await listKeepsVersions(graphOnFake(fake).http, fake.lists.siteId)).toBe(false);
    const seen: number[] = [];
    const voteId = await runSecretVote(store, async () => {
      // At every moment the list holds the current version only. (Someone reading it after
      // every ballot could still diff what they read: that attacker is not covered.)
      seen.push((await versionHistoryAsSiteOwner(fake!, 'S3CRT')).length);
    });
    const history = await versionHistoryAsSiteOwner(fake, voteId);
    expect(history).toHaveLength(1);
    expect(history[0]!.voters).toHaveLength(7);
    expect(pairVotersWithChoices(history).size).toBe(0);
    expect(seen.every((n) => n === 1)).toBe(true);
    // The probe left nothing behind.
    expect(
      [...fake.lists.list('SamradRecords')!.items.values()].some((i) => i.fields.Collection === 'samrad.probe'),
    ).toBe(false);
  });
});

describe('a secret vote on a list that keeps versions, with the boxes sealed (SAMRAD_BALLOT_KEY)', () => {
  it('the history holds every version, each of them ciphertext: nothing to diff', async () => {
    fake = await FakeGraph.start();
    const store = new SealedBallotBoxes(await sharePointStoreOnFake(fake), 'a key from the environment, 32+ chars');
    const voteId = await runSecretVote(store, () => undefined);
    const values = await valuesInHistory(fake);
    const sealed = values.filter((v) => v.startsWith('{"sealed":'));
    expect(sealed.length).toBeGreaterThan(choices.length); // versioning is on: every ballot's version is there
    expect(await versionHistoryAsSiteOwner(fake, voteId)).toEqual([]);
    expect(values.some((v) => v.includes('"participation"') || v.includes('"voterKey"'))).toBe(false);
    // And the vote was counted through the seal.
    expect((await store.get<{ participation: unknown[] }>('ballotBoxes', voteId))?.value.participation).toHaveLength(7);
  });
});

describe('npm run provision', () => {
  it('tells the site owner to turn versioning off when it creates the list', async () => {
    fake = await FakeGraph.start();
    const lines: string[] = [];
    const env = {
      SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity',
      SAMRAD_GRAPH_BASE_URL: fake.baseUrl,
      SAMRAD_SHAREPOINT_SITE_ID: fake.lists.siteId,
    };
    await provision(env, { tokenCredential, print: (l) => lines.push(l) });
    expect(lines.some((l) => l.startsWith('  ACTION NEEDED: the list keeps item versions'))).toBe(true);
  });
});
