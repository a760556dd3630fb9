import { afterEach, describe, expect, it } from 'vitest';
import { isStoreError, upsert } from '../../../src/ports/record-store';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { sharePointStoreOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Two app instances: two stores, each with its own client and cache, on one site. */
async function twoInstances(throttled: boolean) {
  fake = await FakeGraph.start();
  const policy = { maxAttempts: 40, maxTotalWaitMs: 10 ** 9, sleep: async () => {} };
  const a = await sharePointStoreOnFake(fake, policy);
  const b = await sharePointStoreOnFake(fake, policy);
  if (throttled) fake.setThrottle({ share: 0.3, seed: 9 });
  return [a, b] as const;
}

describe('two writers on one SharePoint item', () => {
  it('both holding the same eTag: one write wins, the other is told, nothing is overwritten', async () => {
    const [a, b] = await twoInstances(false);
    await a.create('meetings', 'm1', { title: 'Styremøte', place: 'Gol' });
    const [seenByA, seenByB] = await Promise.all([
      a.get<{ title: string }>('meetings', 'm1'),
      b.get<{ title: string }>('meetings', 'm1'),
    ]);
    const results = await Promise.allSettled([
      a.replace('meetings', 'm1', { title: 'Styremøte', place: 'Nesbyen' }, seenByA!.etag),
      b.replace('meetings', 'm1', { title: 'Styremøte', place: 'Geilo' }, seenByB!.etag),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isStoreError(lost[0]!.reason, 'STORE.PRECONDITION_FAILED')).toBe(true);
    const winner = results[0].status === 'fulfilled' ? 'Nesbyen' : 'Geilo';
    expect((await b.get<{ place: string }>('meetings', 'm1'))?.value.place).toBe(winner);
  });

  it('an instance whose cached item id went stale (removed and created again elsewhere) finds the new item', async () => {
    const [a, b] = await twoInstances(false);
    const first = await a.create('links', 'l', { memberId: 'm1' });
    await b.remove('links', 'l', first.etag);
    const again = await b.create('links', 'l', { memberId: 'm2' });
    const replaced = await a.replace('links', 'l', { memberId: 'm3' }, again.etag);
    expect(replaced.value).toEqual({ memberId: 'm3' });
    expect((await b.find('links', { memberId: 'm3' })).map((r) => r.id)).toEqual(['l']);
    const stale = await a.replace('links', 'l', { memberId: 'm4' }, first.etag).catch((e: unknown) => e);
    expect(isStoreError(stale, 'STORE.PRECONDITION_FAILED')).toBe(true);
  });

  for (const throttled of [false, true]) {
    it(`read-modify-write from both instances loses no change${throttled ? ', with 30% of calls throttled' : ''}`, async () => {
      const [a, b] = await twoInstances(throttled);
      await a.create('tallies', 't', { yes: [] as string[] });
      const vote = (store: typeof a, who: string) =>
        upsert<{ yes: string[] }>(store, 'tallies', 't', (v) => v && { yes: [...v.yes, who] }, 100);
      await Promise.all(Array.from({ length: 10 }, (_, i) => [vote(a, `a${i}`), vote(b, `b${i}`)]).flat());
      const yes = (await a.get<{ yes: string[] }>('tallies', 't'))!.value.yes;
      expect([...yes].sort()).toEqual(
        [...Array.from({ length: 10 }, (_, i) => `a${i}`), ...Array.from({ length: 10 }, (_, i) => `b${i}`)].sort(),
      );
      expect(fake!.count('PATCH', /\/fields$/, (r) => r.status === 412)).toBeGreaterThan(0);
    });
  }
});
