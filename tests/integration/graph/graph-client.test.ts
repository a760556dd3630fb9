import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_LIMIT, sendBatched } from '../../../src/adapters/graph/graph-batch';
import type { GraphCall } from '../../../src/adapters/graph/graph-client';
import { GraphThrottledError, defaultThrottlePolicy } from '../../../src/adapters/graph/throttling';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import type { FakeGraphRoutes } from '../../fakes/fake-graph/route';
import { RecordedSleeps, graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

/** A route that answers `/echo/{n}` with n, so replies can be matched to calls. */
const echo: FakeGraphRoutes = {
  handle: (r) => {
    const m = /^\/echo\/(\d+)$/.exec(r.path);
    return m ? { status: 200, body: { n: Number(m[1]), method: r.method, body: r.body ?? null } } : undefined;
  },
};

let fake: FakeGraph | undefined;
afterEach(async () => fake?.close());

describe('the Graph client against the fake Graph', () => {
  it('decorates the User-Agent as SharePoint asks (ISV|Samrad|Samrad/<version>)', async () => {
    fake = await FakeGraph.start({ routes: [echo] });
    const { http } = graphOnFake(fake);
    const reply = await http.send({ method: 'GET', url: '/echo/1' });
    expect(reply.status).toBe(200);
    expect(fake.requests[0]?.userAgent).toBe('ISV|Samrad|Samrad/0.1.0-test');
  });

  it('retries 429 after the Retry-After in seconds, and the request then succeeds', async () => {
    fake = await FakeGraph.start({ routes: [echo], throttle: { share: 0.5, seed: 7, retryAfter: '3' } });
    const sleeps = new RecordedSleeps();
    const { http } = graphOnFake(fake, { ...sleeps.policy, maxAttempts: 50 });
    for (let i = 0; i < 20; i++)
      expect((await http.send({ method: 'GET', url: `/echo/${i}` })).body).toMatchObject({ n: i });
    const throttled = fake.count(undefined, undefined, (r) => r.status === 429);
    expect(throttled).toBeGreaterThan(0);
    expect(sleeps.waits).toEqual(Array.from({ length: throttled }, () => 3000));
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    fake = await FakeGraph.start({
      routes: [echo],
      throttle: { share: 1, retryAfter: 'Mon, 23 Nov 2026 12:00:10 GMT' },
    });
    const sleeps = new RecordedSleeps();
    const { http } = graphOnFake(fake, { ...sleeps.policy, maxAttempts: 2 });
    await http.send({ method: 'GET', url: '/echo/1' }).catch(() => undefined);
    expect(sleeps.waits).toEqual([10_000]);
  });

  it('gives up after the cap with a clear error, having tried exactly the capped number of times', async () => {
    fake = await FakeGraph.start({ routes: [echo], throttle: { share: 1, retryAfter: '1' } });
    const { http } = graphOnFake(fake, { ...new RecordedSleeps().policy, maxAttempts: 4 });
    const error = await http.send({ method: 'PATCH', url: '/echo/1', body: { a: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect((error as Error).message).toContain('PATCH /v1.0/echo/1: Microsoft Graph answered 429 to 4 attempts');
    expect(fake.count('PATCH')).toBe(4);
  });

  it('sends calls in $batch requests of at most 20, one reply per call in order', async () => {
    fake = await FakeGraph.start({ routes: [echo] });
    const { http, throttle } = graphOnFake(fake);
    const calls: GraphCall[] = Array.from({ length: 45 }, (_, i) => ({
      method: 'POST',
      url: `/echo/${i}`,
      body: { i },
    }));
    const replies = await sendBatched(http, calls, throttle);
    expect(replies.map((r) => (r.body as { n: number }).n)).toEqual(calls.map((_, i) => i));
    expect(replies.every((r) => r.status === 200 && (r.body as { body: { i: number } }).body.i >= 0)).toBe(true);
    expect(fake.count('POST', /^\/\$batch$/)).toBe(Math.ceil(45 / BATCH_LIMIT));
    expect(fake.count('POST', /^\/echo\//, (r) => r.inBatch)).toBe(45);
  });

  it('retries each throttled sub-request of a 200 batch on its own, and only those', async () => {
    fake = await FakeGraph.start({ routes: [echo] });
    const sleeps = new RecordedSleeps();
    const { http } = graphOnFake(fake, sleeps.policy);
    const calls: GraphCall[] = Array.from({ length: 20 }, (_, i) => ({
      method: 'POST',
      url: `/echo/${i}`,
      body: { i },
    }));
    fake.setThrottle({ share: 0.3, seed: 3, retryAfter: '2' });
    const replies = await sendBatched(http, calls, {
      ...defaultThrottlePolicy,
      ...sleeps.policy,
      maxAttempts: 50,
      maxTotalWaitMs: 10 ** 9,
      fallbackWaitMs: 1,
    });
    expect(replies.map((r) => r.status)).toEqual(calls.map(() => 200));
    expect(replies.map((r) => (r.body as { n: number }).n)).toEqual(calls.map((_, i) => i));
    // The last one left goes alone, outside a batch.
    const answered = fake.requests.filter((r) => r.path.startsWith('/echo/') && r.status === 200).map((r) => r.path);
    expect(answered.sort()).toEqual(calls.map((c) => c.url).sort()); // each sub-request succeeded exactly once
    expect(fake.count(undefined, undefined, (r) => r.inBatch && r.status === 429)).toBeGreaterThan(0);
    expect(sleeps.waits.every((w) => w === 2000)).toBe(true);
  });

  it('backs off on its own when a 429 comes without Retry-After: doubling waits, within the cap', async () => {
    fake = await FakeGraph.start({ routes: [echo], throttle: { share: 1, retryAfter: null } });
    const sleeps = new RecordedSleeps();
    const { http } = graphOnFake(fake, { ...sleeps.policy, maxAttempts: 5, fallbackWaitMs: 1000 });
    const error = await http.send({ method: 'GET', url: '/echo/1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect(sleeps.waits).toEqual([1000, 2000, 4000, 8000]);
    expect(fake.count('GET', /^\/echo\//)).toBe(5);
  });

  it('matches batch responses by id whatever order they come in', async () => {
    fake = await FakeGraph.start({ routes: [echo] }); // shuffles by default
    const { http, throttle } = graphOnFake(fake);
    const calls: GraphCall[] = Array.from({ length: 20 }, (_, i) => ({ method: 'GET', url: `/echo/${i}` }));
    const replies = await sendBatched(http, calls, throttle);
    expect(replies.map((r) => (r.body as { n: number }).n)).toEqual(calls.map((_, i) => i));
    const order = fake.requests.filter((r) => r.inBatch).map((r) => r.path);
    expect(order).toEqual(calls.map((c) => c.url)); // sent in order; answered shuffled (checked in fake-graph-limits)
  });

  it('sends a whole batch answered 429 again after its Retry-After, and each call gets its own reply once', async () => {
    fake = await FakeGraph.start({ routes: [echo] });
    const sleeps = new RecordedSleeps();
    const { http, throttle } = graphOnFake(fake, sleeps.policy);
    fake.faults.add({ status: 429, where: 'batch', retryAfter: '4', times: 2 });
    const calls: GraphCall[] = Array.from({ length: 30 }, (_, i) => ({
      method: 'POST',
      url: `/echo/${i}`,
      body: { i },
    }));
    const replies = await sendBatched(http, calls, { ...throttle, ...sleeps.policy });
    expect(replies.map((r) => (r.body as { n: number }).n)).toEqual(calls.map((_, i) => i));
    expect(sleeps.waits).toEqual([4000, 4000]);
    expect(fake.count('POST', /^\/\$batch$/, (r) => r.status === 429)).toBe(2);
    expect(fake.count('POST', /^\/echo\//, (r) => r.status === 200)).toBe(30);
  });

  it('splits a batch Graph refuses as over 4 MB (413) into smaller ones, and every call is answered', async () => {
    fake = await FakeGraph.start({ routes: [echo] });
    const { http, throttle } = graphOnFake(fake);
    const calls: GraphCall[] = Array.from({ length: 20 }, (_, i) => ({
      method: 'POST',
      url: `/echo/${i}`,
      body: { i, text: 'x'.repeat(300_000) },
    }));
    const replies = await sendBatched(http, calls, throttle);
    expect(replies.map((r) => [r.status, (r.body as { n: number }).n])).toEqual(calls.map((_, i) => [200, i]));
    expect(fake.count('POST', /^\/\$batch$/, (r) => r.status === 413)).toBe(1); // 20 × 300 kB = 6 MB refused once
    expect(fake.count('POST', /^\/\$batch$/, (r) => r.status === 200)).toBe(2);
  });
});
