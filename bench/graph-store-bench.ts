/**
 * Samråd's records on SharePoint through Graph, against the local fake Graph over HTTP:
 * recording 356 hearing responses (one per municipality) and reading them all back to compile
 * them, with no throttling and with 30% of calls answered 429. Counts Graph requests (HTTP
 * requests; `$batch` sub-requests apart) and wall time.
 */
import { performance } from 'node:perf_hooks';
import { connectGraph } from '../src/adapters/graph/graph-connection';
import type { GraphConnection } from '../src/adapters/graph/graph-connection';
import { openSharePointStore } from '../src/adapters/sharepoint/open-sharepoint-store';
import { provisionSite } from '../src/adapters/sharepoint/provision';
import { FakeGraph } from '../tests/fakes/fake-graph/fake-graph-server';

export const RESPONSES = 356;
/** Every fourth response is revised after recording: reads and eTag-guarded writes one by one. */
const REVISED = 89;
/** Retry-After is honoured, but scaled: one second asked for is waited as this many ms. */
export const SLEEP_MS_PER_SECOND = 10;

export interface GraphStoreRun {
  readonly step: string;
  readonly throttledShare: number;
  readonly httpRequests: number;
  readonly subRequests: number;
  readonly throttled: number;
  readonly retryAfterAskedS: number;
  readonly wallMs: number;
  readonly records: number;
}

export interface GraphStoreSection {
  readonly responses: number;
  readonly runs: GraphStoreRun[];
}

interface HearingResponse {
  readonly hearingId: string;
  readonly municipalityId: string;
  readonly position: 'agree' | 'disagree' | 'comment';
  readonly text: string;
}

const response = (i: number): HearingResponse => ({
  hearingId: 'h-2026-07',
  municipalityId: `k${String(i).padStart(4, '0')}`,
  position: (['agree', 'disagree', 'comment'] as const)[i % 3]!,
  text: `Kommunen støtter forslaget med merknader (${i}). `.repeat(8),
});

/** A Graph connection to the fake that honours Retry-After, scaled down, and adds up the seconds asked. */
export function scaledGraph(fake: FakeGraph): { graph: GraphConnection; sleeps: { askedS: number } } {
  const sleeps = { askedS: 0 };
  const throttle = {
    maxAttempts: 30,
    maxTotalWaitMs: 10 * 60_000,
    sleep: (ms: number) => {
      sleeps.askedS += ms / 1000;
      return new Promise<void>((resolve) => setTimeout(resolve, (ms / 1000) * SLEEP_MS_PER_SECOND));
    },
  };
  return { graph: connectGraph({ baseUrl: fake.baseUrl, version: 'bench', throttle }), sleeps };
}

/** The Graph requests, 429s, Retry-After asked and wall time of one step of work. */
export async function measureOnFake(
  fake: FakeGraph,
  share: number,
  sleeps: { askedS: number },
  step: string,
  work: () => Promise<number>,
): Promise<GraphStoreRun> {
  const from = fake.requests.length;
  sleeps.askedS = 0;
  const t0 = performance.now();
  const records = await work();
  const wallMs = performance.now() - t0;
  const seen = fake.requests.slice(from);
  return {
    step,
    throttledShare: share,
    httpRequests: seen.filter((r) => !r.inBatch).length,
    subRequests: seen.filter((r) => r.inBatch).length,
    throttled: seen.filter((r) => r.status === 429).length,
    retryAfterAskedS: sleeps.askedS,
    wallMs,
    records,
  };
}

async function runOnce(share: number, fail: (problem: string) => void): Promise<GraphStoreRun[]> {
  const fake = await FakeGraph.start();
  try {
    const { graph, sleeps } = scaledGraph(fake);
    await provisionSite(graph.http, fake.lists.siteId);
    const store = openSharePointStore(graph, fake.lists.siteId);
    fake.setThrottle({ share, seed: 2026, retryAfter: '1' });
    const measure = (step: string, work: () => Promise<number>) => measureOnFake(fake, share, sleeps, step, work);

    const record = await measure(`record ${RESPONSES} responses (all at once: $batch)`, async () => {
      await Promise.all(
        Array.from({ length: RESPONSES }, (_, i) => store.create('hearingResponses', `h-2026-07:k${i}`, response(i))),
      );
      return RESPONSES;
    });
    const oneByOne = await measure(`revise ${REVISED} responses one at a time (read, If-Match write)`, async () => {
      for (let i = 0; i < RESPONSES; i += RESPONSES / REVISED) {
        const current = await store.get<HearingResponse>('hearingResponses', `h-2026-07:k${i}`);
        await store.replace(
          'hearingResponses',
          `h-2026-07:k${i}`,
          { ...current!.value, position: 'agree' },
          current!.etag,
        );
      }
      return REVISED;
    });
    const compile = await measure('read all back to compile', async () => {
      const all = await store.find<HearingResponse>('hearingResponses');
      const agree = all.filter((r) => r.value.position === 'agree').length;
      const expected = Array.from({ length: RESPONSES }, (_, i) => response(i)).filter(
        (r, i) => r.position === 'agree' || i % (RESPONSES / REVISED) === 0,
      ).length;
      if (all.length !== RESPONSES || agree !== expected)
        fail(
          `graph store, ${share * 100}% throttled: read ${all.length} responses, ${agree} agreeing; expected ${RESPONSES} and ${expected}`,
        );
      return all.length;
    });
    return [record, oneByOne, compile];
  } finally {
    await fake.close();
  }
}

export async function runGraphStoreBench(
  progress: (line: string) => void,
): Promise<{ section: GraphStoreSection; failures: string[] }> {
  const failures: string[] = [];
  const runs: GraphStoreRun[] = [];
  for (const share of [0, 0.3]) {
    try {
      runs.push(...(await runOnce(share, (p) => failures.push(p))));
    } catch (e) {
      failures.push(`graph store, ${share * 100}% throttled: ${e instanceof Error ? e.message : String(e)}`);
    }
    progress(`bench: graph store, ${share * 100}% throttled, done`);
  }
  return { section: { responses: RESPONSES, runs }, failures };
}

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;

/** The table of Graph steps, shared with the hearing workflow's section (bench/hearing-graph-bench.ts). */
export function graphRunRows(runs: readonly GraphStoreRun[], items = 'Records'): string[] {
  return [
    row(['Step', 'Throttled', 'Requests', 'Sub-requests', '429s', 'Retry-After asked s', 'Wall ms', items]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...runs.map((r) =>
      row([
        r.step,
        `${r.throttledShare * 100}%`,
        r.httpRequests,
        r.subRequests,
        r.throttled,
        r.retryAfterAskedS,
        r.wallMs.toFixed(0),
        r.records,
      ]),
    ),
  ];
}

export function graphStoreLines(s: GraphStoreSection): string[] {
  return [
    `## Records on SharePoint through Graph: ${s.responses} hearing responses`,
    '',
    'The SharePoint store against the local fake Graph over HTTP (tests/fakes/fake-graph), provisioned first. Requests are HTTP requests to Graph (a `$batch` counts once); sub-requests are those inside batches. ' +
      `Throttled runs answer a seeded 30% of calls (sub-requests included) 429 with Retry-After: 1; the client honours it, scaled to ${SLEEP_MS_PER_SECOND} ms per second asked so the bench stays short, so "Retry-After asked" is the waiting a real tenant would add.`,
    '',
    ...graphRunRows(s.runs),
    '',
  ];
}
