import type { TokenCredential } from '@azure/identity';
import { afterEach, describe, expect, it } from 'vitest';
import { provision } from '../../../scripts/provision';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';

const tokenCredential: TokenCredential = {
  getToken: async () => ({ token: 'provisioning-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('npm run provision', () => {
  it('reads the server settings, creates the list once, and a second run writes nothing', async () => {
    fake = await FakeGraph.start();
    const env = {
      SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity',
      SAMRAD_GRAPH_BASE_URL: fake.baseUrl,
      SAMRAD_SHAREPOINT_SITE_ID: fake.lists.siteId,
    };
    const lines: string[] = [];
    const first = await provision(env, { tokenCredential, print: (l) => lines.push(l) });
    expect(first.listCreated).toBe(true);
    const writes = fake.writes();
    const second = await provision(env, { tokenCredential, print: (l) => lines.push(l) });
    expect(second.columnsAdded).toEqual([]);
    expect(fake.writes()).toBe(writes);
    expect(lines.at(-1)).toBe('  no columns missing: nothing changed');
    expect(fake.requests.every((r) => r.token === 'provisioning-token')).toBe(true);
  });

  it('says what to set when no tenant is configured', async () => {
    await expect(provision({})).rejects.toThrow(/needs SAMRAD_GRAPH_CREDENTIAL and SAMRAD_SHAREPOINT_SITE_ID/);
  });
});
