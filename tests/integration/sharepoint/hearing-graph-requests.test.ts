import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharePointStore } from '../../../src/adapters/sharepoint/open-sharepoint-store';
import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { RECORDS_LIST } from '../../../src/adapters/sharepoint/records-list';
import type { ListName, StoredRecord, Where } from '../../../src/ports/record-store';
import type { HearingUnderBench } from '../../../bench/hearing-under-bench';
import {
  compileStatement,
  distributeOneHearing,
  respondAll,
  startHearingSamrad,
} from '../../../bench/hearing-under-bench';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import type { RecordedRequest } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';
import { Started } from '../../fixtures/started';

// Graph requests are counted on the faithful fake Graph's request log, never timed (issue 13 part 4).
/** Graph takes at most 20 requests in one JSON batch (concepts/json-batching.md). */
const GRAPH_BATCH_LIMIT = 20;
const MUNICIPALITIES = 4;

let fake: FakeGraph;
let h: HearingUnderBench;
let hearingId = '';
const started = new Started();
beforeAll(async () => {
  fake = started.add(await FakeGraph.start(), (f) => f.close());
  const graph = graphOnFake(fake);
  await provisionSite(graph.http, fake.lists.siteId);
  h = started.add(
    await startHearingSamrad(MUNICIPALITIES, { store: openSharePointStore(graph, fake.lists.siteId) }),
    (x) => x.close(),
  );
  hearingId = (await distributeOneHearing(h, jobsInFake())).hearingId;
}, 60_000);
afterAll(() => started.stopAll());

/** Job states read from the fake's memory, so waiting for them adds no request to those counted. */
function jobsInFake() {
  return {
    async find<T>(list: ListName, where: Where = {}): Promise<StoredRecord<T>[]> {
      const items = [...(fake.lists.list(RECORDS_LIST)?.items.values() ?? [])].filter(
        (i) => i.fields.Collection === list,
      );
      return items
        .map((i) => ({
          id: String(i.fields.RecordId),
          etag: String(i.version),
          value: JSON.parse(String(i.fields.Value)) as T,
          created: i.created,
          modified: i.modified,
        }))
        .filter((r) => Object.entries(where).every(([f, v]) => (r.value as Record<string, unknown>)[f] === v));
    },
  };
}

async function requestsOf(work: () => Promise<unknown>): Promise<RecordedRequest[]> {
  const from = fake.requests.length;
  await work();
  return fake.requests.slice(from);
}

const http = (seen: readonly RecordedRequest[]) => seen.filter((r) => !r.inBatch);
/** Every `$batch` held 1 to 20 sub-requests (the fake logs a batch's sub-requests before the batch itself). */
const batchesWithin = (seen: readonly RecordedRequest[]) => {
  const sizes: number[] = [];
  let inside = 0;
  for (const r of seen) {
    if (r.inBatch) inside++;
    else if (r.path === '/$batch') {
      sizes.push(inside);
      inside = 0;
    }
  }
  return sizes.length > 0 && sizes.every((n) => n >= 1 && n <= GRAPH_BATCH_LIMIT);
};

describe('Graph requests of one hearing on the SharePoint store (fake Graph)', () => {
  it('one response: at most 3 (her reads in one $batch, one eTag-guarded write, the card refreshed from what was read)', async () => {
    const seen = await requestsOf(async () => expect(await respondAll(h, hearingId)).toEqual([]));
    // respondAll waits until the coordinator's card shows every answer: the refreshes are counted too.
    expect(http(seen).length / MUNICIPALITIES).toBeLessThanOrEqual(3);
    expect(batchesWithin(seen)).toBe(true);
    // Each response written once: no read-before-write of her own record, no second write.
    expect(seen.filter((r) => r.method === 'POST' && r.path.endsWith('/items')).length).toBe(MUNICIPALITIES);
    expect(seen.filter((r) => r.method === 'PATCH').length).toBe(0);
  });

  it('compiling: at most 3 (the hearing and its responses read once, for both cards)', async () => {
    const seen = await requestsOf(async () => expect((await compileStatement(h, hearingId)).wrong).toEqual([]));
    expect(http(seen).length).toBeLessThanOrEqual(3);
    expect(
      seen.filter((r) => r.method === 'GET' && decodeURIComponent(r.query).includes('hearingResponses')).length,
    ).toBe(1);
    expect(batchesWithin(seen)).toBe(true);
  });
});
