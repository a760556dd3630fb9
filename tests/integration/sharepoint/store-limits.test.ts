import { afterEach, describe, expect, it } from 'vitest';
import { isStoreError } from '../../../src/ports/record-store';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { listItemsOnFake, sharePointStoreOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

/*
 * The SharePoint store meeting SharePoint's refusals on the faithful fake: what no retry can
 * mend is a permanent error (STORE.TOO_LARGE, STORE.REJECTED), asked once, never the
 * STORE.UNAVAILABLE that makes a job try again and again. The tests of one item's refusals use
 * the list's items directly: the store in use keeps a larger record as several items
 * (records-that-grow.test.ts).
 */
let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
const writes = () => fake!.count(undefined, /\/items/, (r) => r.method !== 'GET');

describe("the SharePoint store at SharePoint's limits", () => {
  it('one item over the 63,999 characters of a multi-line column is STORE.TOO_LARGE, sent once, and nothing is stored', async () => {
    fake = await FakeGraph.start();
    const store = await listItemsOnFake(fake);
    await store.create('ballots', 'fits', { text: 'x'.repeat(63_900) });
    const before = writes();
    const error = await failure(store.create('ballots', 'big', { text: 'x'.repeat(64_000) }));
    expect(isStoreError(error, 'STORE.TOO_LARGE')).toBe(true);
    expect((error?.cause as Error).message).toMatch(
      /Graph answered 400 .*Value holds 64\d\d\d characters; the column takes 63999/,
    );
    expect(writes() - before).toBe(1);
    expect((await store.find('ballots')).map((r) => r.id)).toEqual(['fits']);
  });

  it('an update that grows one item past the column is STORE.TOO_LARGE, and the stored record stays as it was', async () => {
    fake = await FakeGraph.start();
    const store = await listItemsOnFake(fake);
    const made = await store.create('history', 'h1', { answers: ['kort'] });
    const error = await failure(store.replace('history', 'h1', { answers: ['y'.repeat(70_000)] }, made.etag));
    expect(isStoreError(error, 'STORE.TOO_LARGE')).toBe(true);
    expect((await store.get('history', 'h1'))?.value).toEqual({ answers: ['kort'] });
  });

  it('a 400-character id is stored under a hashed key of 255, read back by its id, and stays unique', async () => {
    fake = await FakeGraph.start();
    const store = await sharePointStoreOnFake(fake);
    const id = `update:${'c'.repeat(380)}:1`;
    const twin = `update:${'c'.repeat(380)}:2`; // the same first 255 characters
    expect(id.length).toBeGreaterThan(255);
    const made = await store.create('deliveryFailures', id, { n: 1 });
    await store.create('deliveryFailures', twin, { n: 2 });
    expect(made.id).toBe(id);
    expect((await store.get('deliveryFailures', id))?.value).toEqual({ n: 1 });
    expect((await store.find('deliveryFailures')).map((r) => r.id).sort()).toEqual([id, twin]);
    const keys = [...fake.lists.list('SamradRecords')!.items.values()].map((i) => String(i.fields.RecordKey));
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(255);
    expect(isStoreError(await failure(store.create('deliveryFailures', id, { n: 3 })), 'STORE.ALREADY_EXISTS')).toBe(
      true,
    );
    const updated = await store.replace('deliveryFailures', id, { n: 4 }, made.etag);
    expect(updated.id).toBe(id);
    await store.remove('deliveryFailures', twin);
    expect((await store.find('deliveryFailures')).map((r) => [r.id, r.value])).toEqual([[id, { n: 4 }]]);
  });

  it('a request body over 4 MB (413) for one item is STORE.TOO_LARGE', async () => {
    fake = await FakeGraph.start();
    const store = await listItemsOnFake(fake);
    const error = await failure(store.create('exports', 'e1', { text: 'z'.repeat(4 * 1024 * 1024 + 1) }));
    expect(isStoreError(error, 'STORE.TOO_LARGE')).toBe(true);
    expect(fake.count('POST', /\/items$/, (r) => r.status === 413)).toBe(1);
  });

  it('a query whose first indexed clause passes the list view threshold is STORE.REJECTED, asked once', async () => {
    fake = await FakeGraph.start({ viewThreshold: 5 });
    const store = await sharePointStoreOnFake(fake);
    await Promise.all(Array.from({ length: 6 }, (_, i) => store.create('jobs', `j${i}`, { state: 'done' })));
    const reads = fake.count('GET');
    const error = await failure(store.find('jobs', { state: 'done' }));
    expect(isStoreError(error, 'STORE.REJECTED')).toBe(true);
    expect((error?.cause as Error).message).toContain('list view threshold');
    expect(fake.count('GET') - reads).toBe(1);
    // A single record by its unique key is still read: that clause matches one item.
    expect((await store.get('jobs', 'j0'))?.value).toEqual({ state: 'done' });
  });

  it('a fan-out answered in shuffled batches gives each caller its own record', async () => {
    fake = await FakeGraph.start(); // shuffles $batch responses by default
    const store = await sharePointStoreOnFake(fake);
    const made = await Promise.all(Array.from({ length: 45 }, (_, i) => store.create('votes', `v${i}`, { n: i })));
    expect(made.map((r) => [r.id, r.value.n])).toEqual(Array.from({ length: 45 }, (_, i) => [`v${i}`, i]));
    expect(fake.count('POST', /^\/\$batch$/)).toBe(3);
  });
});
