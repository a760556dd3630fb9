import type { GraphCall, GraphHttp, GraphReply } from './graph-client';
import type { ThrottlePolicy } from './throttling';
import { RetryBudget, defaultThrottlePolicy, isRetryableStatus, retryAfterMs } from './throttling';

/** Graph takes at most 20 requests in one JSON batch. */
export const BATCH_LIMIT = 20;

interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

const lowerKeys = (h: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/**
 * Sends calls in JSON `$batch` requests of at most 20 and returns one reply per call, in order.
 * A batch answers 200 even when a sub-request inside it was throttled, and the retry
 * middleware only sees that 200: so each sub-request that came back 429 or 503 is sent again
 * on its own, after the longest Retry-After among them, under the same cap as single requests.
 */
export async function sendBatched(
  http: GraphHttp,
  calls: readonly GraphCall[],
  policy: ThrottlePolicy = defaultThrottlePolicy,
): Promise<GraphReply[]> {
  const replies = new Array<GraphReply>(calls.length);
  const chunks: number[][] = [];
  for (let i = 0; i < calls.length; i += BATCH_LIMIT)
    chunks.push(Array.from({ length: Math.min(BATCH_LIMIT, calls.length - i) }, (_, k) => i + k));
  await Promise.all(chunks.map((chunk) => sendChunk(http, calls, chunk, replies, policy)));
  return replies;
}

async function sendChunk(
  http: GraphHttp,
  calls: readonly GraphCall[],
  indexes: number[],
  replies: GraphReply[],
  policy: ThrottlePolicy,
): Promise<void> {
  const budget = new RetryBudget(policy);
  let pending = indexes;
  while (pending.length > 0) {
    const answered =
      pending.length === 1 ? [await single(http, calls, pending[0]!)] : await batch(http, calls, pending);
    const throttled: { index: number; reply: GraphReply }[] = [];
    answered.forEach(({ index, reply }) => {
      if (isRetryableStatus(reply.status) && reply.status !== 504) throttled.push({ index, reply });
      else replies[index] = reply;
    });
    if (throttled.length === 0) return;
    const longest = throttled.reduce((a, b) => (wait(a.reply, policy) >= wait(b.reply, policy) ? a : b));
    const first = calls[throttled[0]!.index]!;
    await budget.waitOrGiveUp(
      `$batch ${first.method} ${first.url.split('?')[0]}`,
      longest.reply.status,
      longest.reply.headers['retry-after'],
    );
    pending = throttled.map((t) => t.index);
  }
}

const wait = (reply: GraphReply, policy: ThrottlePolicy): number =>
  retryAfterMs(reply.headers['retry-after'], policy.now(), policy.fallbackWaitMs);

/** A lone request needs no batch envelope; the middleware retries it. */
async function single(http: GraphHttp, calls: readonly GraphCall[], index: number) {
  return { index, reply: await http.send(calls[index]!) };
}

const halves = (indexes: number[]): number[][] => [
  indexes.slice(0, Math.ceil(indexes.length / 2)),
  indexes.slice(Math.ceil(indexes.length / 2)),
];

async function batch(
  http: GraphHttp,
  calls: readonly GraphCall[],
  indexes: number[],
): Promise<{ index: number; reply: GraphReply }[]> {
  const requests = indexes.map((index) => {
    const call = calls[index]!;
    const withBody = call.body !== undefined;
    return {
      id: String(index),
      method: call.method,
      // Sub-request URLs are relative to the version; a nextLink arrives absolute.
      url: http.relative(call.url),
      ...((call.headers ?? withBody) && {
        headers: { ...(withBody && { 'Content-Type': 'application/json' }), ...call.headers },
      }),
      ...(withBody && { body: call.body }),
    };
  });
  const reply = await http.send({ method: 'POST', url: '/$batch', body: { requests } });
  // Over Graph's 4 MB a request: the same calls in two smaller batches (a lone call goes alone).
  if (reply.status === 413)
    return (
      await Promise.all(
        halves(indexes).map((half) =>
          half.length === 1 ? single(http, calls, half[0]!).then((r) => [r]) : batch(http, calls, half),
        ),
      )
    ).flat();
  if (reply.status !== 200) throw new Error(`GRAPH.BATCH_FAILED: $batch answered ${reply.status}`);
  const responses = (reply.body as { responses?: BatchResponse[] }).responses ?? [];
  const byId = new Map(responses.map((r) => [r.id, r]));
  return indexes.map((index) => {
    const r = byId.get(String(index));
    if (!r) throw new Error(`GRAPH.BATCH_FAILED: no response for request ${index}`);
    return { index, reply: { status: r.status, headers: lowerKeys(r.headers), body: r.body } };
  });
}
