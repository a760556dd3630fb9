import { afterEach, describe, expect, it } from 'vitest';
import { GraphThrottledError } from '../../../src/adapters/graph/throttling';
import { isStoreError, upsert } from '../../../src/ports/record-store';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { RecordedSleeps, sharePointStoreOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

let fake: FakeGraph | undefined;
afterEach(async () => fake?.close());

describe('the SharePoint store while Graph throttles', () => {
  it('with 30% of calls answered 429, a run of writes and reads ends with exactly the expected records', async () => {
    fake = await FakeGraph.start();
    const sleeps = new RecordedSleeps();
    const store = await sharePointStoreOnFake(fake, { ...sleeps.policy, maxAttempts: 40, maxTotalWaitMs: 10 ** 9 });
    fake.setThrottle({ share: 0.3, seed: 42, retryAfter: '1' });

    await Promise.all(
      Array.from({ length: 80 }, (_, i) => store.create('responses', `r${i}`, { municipality: i, text: `svar ${i}` })),
    );
    // Every tenth is revised twice (reads and eTag-guarded writes), every seventh withdrawn.
    await Promise.all(
      Array.from({ length: 8 }, (_, k) => k * 10).map(async (i) => {
        for (let n = 0; n < 2; n++)
          await upsert<{ municipality: number; text: string; revised?: number }>(
            store,
            'responses',
            `r${i}`,
            (v) => v && { ...v, revised: (v.revised ?? 0) + 1 },
          );
      }),
    );
    await Promise.all(Array.from({ length: 11 }, (_, k) => k * 7 + 3).map((i) => store.remove('responses', `r${i}`)));

    const expected = Array.from({ length: 80 }, (_, i) => i)
      .filter((i) => i % 7 !== 3)
      .map((i) => ({ municipality: i, text: `svar ${i}`, ...(i % 10 === 0 && { revised: 2 }) }));
    const all = await store.find<{ municipality: number }>('responses');
    expect(all.map((r) => r.value).sort((a, b) => a.municipality - b.municipality)).toEqual(expected);
    const throttled = fake.count(undefined, undefined, (r) => r.status === 429);
    expect(throttled / fake.requests.length).toBeGreaterThan(0.2);
    expect(sleeps.waits.length).toBeGreaterThan(0);
  });

  it('429 beyond the cap fails with the clear error as the cause, and writes nothing', async () => {
    fake = await FakeGraph.start();
    const store = await sharePointStoreOnFake(fake, { ...new RecordedSleeps().policy, maxAttempts: 3 });
    fake.setThrottle({ share: 1, retryAfter: '5' });
    const error = await store.create('responses', 'r1', { text: 'svar' }).catch((e: unknown) => e);
    expect(isStoreError(error, 'STORE.UNAVAILABLE')).toBe(true);
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(GraphThrottledError);
    expect((cause as Error).message).toMatch(
      /^GRAPH.THROTTLED POST \/v1.0\/sites\/.+\/items: Microsoft Graph answered 429 to 3 attempts over 10 s of waiting; giving up/,
    );
    fake.setThrottle({ share: 0 });
    expect(await store.find('responses')).toEqual([]);
  });
});
