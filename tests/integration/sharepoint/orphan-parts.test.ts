import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_PARTS } from '../../../src/adapters/sharepoint/split-records';
import { scheduleRetention } from '../../../src/app/scheduling/retention';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { DAY, retentionJobs, retentionRunner } from '../../unit/scheduling/retention-fixtures';
import type { SharePointListItems } from '../../../src/adapters/sharepoint/sharepoint-list-items';
import type { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { MULTI_LINE_MAX } from '../../fakes/fake-graph/list-limits';
import { listItemsOnFake, sharePointStoreOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

/*
 * The sweep of parts no record points at (issue 10 part 5's garbage), on the faithful fake
 * Graph: parts left by a write that died before its record was written, and by a record that
 * shrank while the removal of its old parts failed. A live part is never removed.
 */
let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Text needing `n` items of SharePoint's multi-line column (Microsoft's documented 63,999). */
const spanning = (n: number, letter: string) => ({ text: letter.repeat(MULTI_LINE_MAX * (n - 1) + 1_000) });
const later = () => new Date(Date.now() + 60_000);
const partIds = async (items: SharePointListItems) => (await items.find(RECORD_PARTS)).map((p) => p.id).sort();

async function site(): Promise<{ store: SharePointStore; items: SharePointListItems; live: string[] }> {
  fake = await FakeGraph.start();
  const store = await sharePointStoreOnFake(fake);
  const items = await listItemsOnFake(fake);
  await store.create('minutes', 'MIN1', spanning(3, 'a'));
  await store.create('ballotBoxes', 'V/1', spanning(2, 'b'));
  return { store, items, live: await partIds(items) };
}

describe('the orphan-part sweep', () => {
  it('removes the parts of a write that died before its record and of a record that shrank, and no live part', async () => {
    const { store, items, live } = await site();
    expect(live).toHaveLength(5);
    // A write that died after its parts: one for a record that has others, one for a record never written.
    await items.create(RECORD_PARTS, 'minutes/MIN1/deadbeef0001/0', { text: 'x' });
    await items.create(RECORD_PARTS, 'minutes/MIN1/deadbeef0001/1', { text: 'y' });
    await items.create(RECORD_PARTS, 'hearingResponses/H1/answers/deadbeef0002/0', { text: 'z' });
    // A record that shrank to one item while removing its old parts failed (SharePoint refused both deletes).
    await store.create('hearingResponses', 'H2', spanning(2, 'c'));
    const shrunkFrom = (await partIds(items)).filter((p) => p.startsWith('hearingResponses/H2/'));
    expect(shrunkFrom).toHaveLength(2);
    const current = await store.get('hearingResponses', 'H2');
    fake!.faults.add({ status: 400, times: 2, method: 'DELETE' });
    await store.replace('hearingResponses', 'H2', { text: 'kort' }, current!.etag);

    expect(await store.sweepOrphans(later(), 100)).toEqual({ removed: 5, finished: true });
    expect(await partIds(items)).toEqual(live);
    expect(await store.get('minutes', 'MIN1')).toMatchObject({ value: spanning(3, 'a') });
    expect(await store.get('ballotBoxes', 'V/1')).toMatchObject({ value: spanning(2, 'b') });
    expect(await store.get('hearingResponses', 'H2')).toMatchObject({ value: { text: 'kort' } });
    expect(await store.sweepOrphans(later(), 100)).toEqual({ removed: 0, finished: true });
  });

  it('leaves parts younger than the grace: a write in progress writes its parts before its record', async () => {
    const { store, items } = await site();
    await items.create(RECORD_PARTS, 'minutes/MIN2/c0ffee000001/0', { text: 'in flight' });
    expect(await store.sweepOrphans(new Date(Date.now() - 24 * 60 * 60_000), 100)).toEqual({
      removed: 0,
      finished: true,
    });
    expect(await partIds(items)).toContain('minutes/MIN2/c0ffee000001/0');
  });

  it('removes at most its budget in one pass and says more are left', async () => {
    const { store, items, live } = await site();
    for (const i of [0, 1, 2]) await items.create(RECORD_PARTS, `votes/V9/0123456789ab/${i}`, { text: 'x' });
    expect(await store.sweepOrphans(later(), 2)).toEqual({ removed: 2, finished: false });
    expect(await store.sweepOrphans(later(), 2)).toEqual({ removed: 1, finished: true });
    expect(await partIds(items)).toEqual(live);
  });

  it('runs in the daily retention job, which removes the orphans once they pass the grace', async () => {
    const { store, items, live } = await site();
    await items.create(RECORD_PARTS, 'minutes/MIN1/deadbeef0003/0', { text: 'x' });
    // Past the daily run's hour (02:00 UTC) today: from midnight to 02:00 today's run is not due
    // at the first pass, and the test counted one run too few in those two hours.
    let now = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00.000Z`);
    const clock = { now: () => now };
    await scheduleRetention(new JobScheduler(store, clock), clock);
    const runner = retentionRunner(store, clock, 'a', { orphans: store });
    await runner.runDue();
    expect(await partIds(items)).toContain('minutes/MIN1/deadbeef0003/0'); // younger than a day
    now = new Date(now.getTime() + 2 * DAY);
    await runner.runDue();
    expect((await retentionJobs(store)).filter((j) => j.state === 'done')).toHaveLength(2);
    expect(await partIds(items)).toEqual(live);
    expect(await store.get('minutes', 'MIN1')).toMatchObject({ value: spanning(3, 'a') });
  });
});
