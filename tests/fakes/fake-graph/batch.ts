import { graphError } from './odata';
import type { FakeGraphRequest, FakeGraphResponse } from './route';

/** Graph takes at most 20 requests in one JSON batch. */
export const MAX_BATCH_REQUESTS = 20;

/** `shuffled`: responses in a random (seeded) order, as Graph allows; `in-order` for debugging. */
export type BatchOrder = 'shuffled' | 'in-order';

interface SubRequest {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly dependsOn?: readonly string[];
}

const ok = (status: number) => status >= 200 && status < 300;

/**
 * JSON batching as documented (concepts/json-batching.md): 1 to 20 requests with unique ids,
 * each answered on its own inside one 200, a throttled one as 429 with its own Retry-After;
 * a request whose `dependsOn` request failed is not run and answers 424; the responses come
 * in any order, so a client must match them by `id`.
 */
export function answerBatch(
  request: FakeGraphRequest,
  answer: (sub: FakeGraphRequest) => FakeGraphResponse,
  random: (() => number) | undefined,
): FakeGraphResponse {
  const requests = (request.body as { requests?: SubRequest[] } | undefined)?.requests;
  if (!Array.isArray(requests) || requests.length === 0 || requests.length > MAX_BATCH_REQUESTS)
    return graphError(400, 'BadRequest', `A batch holds between 1 and ${MAX_BATCH_REQUESTS} requests.`);
  const ids = new Set(requests.map((r) => r.id));
  if (ids.size !== requests.length || requests.some((r) => typeof r.id !== 'string' || r.id === ''))
    return graphError(400, 'BadRequest', 'Each request in a batch needs an id of its own.');
  if (requests.some((r) => (r.dependsOn ?? []).some((d) => !ids.has(d) || d === r.id)))
    return graphError(400, 'BadRequest', 'dependsOn names a request that is not in the batch.');
  const statuses = new Map<string, number>();
  const responses = requests.map((sub) => {
    const failed = (sub.dependsOn ?? []).find((d) => !ok(statuses.get(d) ?? 424));
    const reply =
      failed !== undefined
        ? graphError(424, 'FailedDependency', `The request it depends on (${failed}) failed.`)
        : answer(subRequest(request, sub));
    statuses.set(sub.id, reply.status);
    return {
      id: sub.id,
      status: reply.status,
      headers: { ...(reply.body !== undefined && { 'Content-Type': 'application/json' }), ...reply.headers },
      body: reply.body,
    };
  });
  if (random) shuffle(responses, random);
  return { status: 200, body: { responses } };
}

function subRequest(outer: FakeGraphRequest, sub: SubRequest): FakeGraphRequest {
  const url = new URL(sub.url, 'http://batch');
  const headers = Object.fromEntries(Object.entries(sub.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    method: sub.method,
    path: url.pathname,
    query: url.searchParams,
    headers: {
      ...headers,
      'user-agent': outer.headers['user-agent'] ?? '',
      authorization: outer.headers.authorization ?? '',
    },
    body: sub.body,
  };
}

function shuffle(items: unknown[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
