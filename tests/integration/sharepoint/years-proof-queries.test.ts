import { afterEach, describe, expect, it } from 'vitest';
import { DELIVERY_FAILURES } from '../../../src/app/delivery/delivery-failures';
import type { JobHandler } from '../../../src/app/scheduling/execute-job';
import type { Job } from '../../../src/app/scheduling/job';
import { JOBS } from '../../../src/app/scheduling/job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import {
  RETENTION,
  retentionHandler,
  retentionPayload,
  scheduleRetention,
} from '../../../src/app/scheduling/retention';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { RecordStore } from '../../../src/ports/record-store';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake, sharePointStoreOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';
import { DAY, fillFinished, finishedJob, retentionJobs } from '../../unit/scheduling/retention-fixtures';
import { ManualClock, idleTimer, t0 } from '../../unit/scheduling/scheduling-fixtures';
import { defineJob, jobRegistry } from '../../../src/app/scheduling/job-registry';
import { z } from 'zod';

/*
 * The store on SharePoint as it is after years: a list view threshold lowered to 50 (SharePoint's
 * is 5,000) stands for a list whose finished jobs have piled up. SharePoint judges a query by its
 * FIRST indexed clause (written in the fake, from Microsoft's documentation).
 */
const THRESHOLD = 50;
let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const refused = () => fake!.count('GET', /\/items$/, (r) => r.status === 500);
const ago = (clock: ManualClock, days: number) => new Date(clock.now().getTime() - days * DAY);

/** A query as the store sent it before: the collection first. */
async function collectionFirst(filter: string) {
  const { http } = graphOnFake(fake!);
  const query = new URLSearchParams({ $filter: filter, $top: '999' }).toString().replace(/\+/g, '%20');
  return http.send({
    method: 'GET',
    url: `/sites/${encodeURIComponent(fake!.lists.siteId)}/lists/SamradRecords/items?${query}`,
  });
}

function runner(store: RecordStore, clock: ManualClock, owner: string, ran: string[]) {
  const scheduler = new JobScheduler(store, clock);
  const reminder: JobHandler = async ({ job }) => void ran.push(job.id);
  return new JobRunner({
    store,
    clock,
    timer: idleTimer,
    owner,
    random: () => 0,
    handlers: jobRegistry(
      defineJob('reminder', z.unknown(), reminder),
      defineJob(RETENTION, retentionPayload, retentionHandler({ store, scheduler, clock, batch: 100 })),
    ),
  });
}

describe('SharePoint queries that stay under the list view threshold as the list grows', () => {
  it('the runner finds its due job among many finished ones; the query it sent before was refused', async () => {
    fake = await FakeGraph.start({ viewThreshold: THRESHOLD });
    const store = await sharePointStoreOnFake(fake);
    const clock = new ManualClock();
    await fillFinished(store, 3 * THRESHOLD, ago(clock, 1), 30);
    await new JobScheduler(store, clock).schedule({ id: 'reminder:h7', kind: 'reminder', dueAt: t0, payload: {} });

    const before = await collectionFirst("fields/Collection eq 'jobs' and fields/FilterState eq 'pending'");
    expect(before.status).toBe(500);
    expect(JSON.stringify(before.body)).toContain('SPQueryThrottledException');

    const ran: string[] = [];
    const reads = refused();
    expect(await runner(store, clock, 'a', ran).runDue()).toMatchObject({ done: 1, error: 0 });
    expect(ran).toEqual(['reminder:h7']);
    expect(refused() - reads).toBe(0);
  });

  it('retention removes old finished jobs and delivery failures day by day, each query under the threshold; recent and pending stay', async () => {
    fake = await FakeGraph.start({ viewThreshold: THRESHOLD });
    const [a, b] = [await sharePointStoreOnFake(fake), await sharePointStoreOnFake(fake)];
    const clock = new ManualClock();
    // The first run, on a young list: the one-off sweep of undated jobs finds nothing to do.
    await scheduleRetention(new JobScheduler(a, clock), clock);
    await runner(a, clock, 'a', []).runDue();
    clock.advance(10 * DAY); // no run for ten days (the service was down): the next catches up

    // Finished after the first run, 40 a day, now over 90 days ago: each day's query matches 40.
    const old = await fillFinished(a, 4 * THRESHOLD, ago(clock, 91), 40);
    const recent = await fillFinished(a, 2 * THRESHOLD, ago(clock, 2), 40, 'recent');
    await a.create(JOBS, 'failed:1', finishedJob('failed:1', 'failed', ago(clock, 100)));
    await a.create(DELIVERY_FAILURES, `update:${'c'.repeat(300)}:old`, {
      conversationId: 'c',
      message: 'm',
      operation: 'update',
      reason: '403',
      at: ago(clock, 120).toISOString(),
    });
    await a.create(DELIVERY_FAILURES, 'send:new', {
      conversationId: 'c',
      message: 'm',
      operation: 'send',
      reason: '403',
      at: ago(clock, 3).toISOString(),
    });
    await new JobScheduler(a, clock).schedule({
      id: 'reminder:later',
      kind: 'reminder',
      dueAt: new Date(clock.now().getTime() + DAY),
      payload: {},
    });
    const reads = refused();

    // Two processes poll; passes of 100 removals a minute apart until the day is through.
    for (let pass = 0; pass < 5; pass++) {
      await Promise.all([runner(a, clock, 'a', []).runDue(), runner(b, clock, 'b', []).runDue()]);
      clock.advance(60_000);
    }

    expect(refused() - reads).toBe(0);
    // Read back one by one (by the unique key): a query over all done jobs would itself pass the threshold.
    const present = async (ids: string[]) =>
      (await Promise.all(ids.map((id) => a.get(JOBS, id)))).filter((r) => r !== undefined).length;
    expect(await present(old)).toBe(0);
    expect(await present(recent)).toBe(recent.length);
    expect(old).toHaveLength(4 * THRESHOLD);
    expect((await a.get<Job>(JOBS, 'failed:1'))?.value.state).toBe('failed');
    expect((await a.get<Job>(JOBS, 'reminder:later'))?.value.state).toBe('pending');
    expect((await a.find(DELIVERY_FAILURES)).map((r) => r.id)).toEqual(['send:new']);
    expect((await retentionJobs(a)).map((j) => `${j.id} ${j.state}`)).toEqual([
      'retention:2026-11-20 done',
      'retention:2026-11-21 done',
      'retention:2026-12-01 pending',
    ]);
  });
});
