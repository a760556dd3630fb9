import { Client } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { FakeGraphRoutes } from './route';

/** One request as the fake saw it: method and path (without `/v1.0`). */
export interface GraphCall {
  readonly method: string;
  readonly path: string;
}

const headersOf = (h: ConstructorParameters<typeof Headers>[0]): Record<string, string> => {
  const out: Record<string, string> = {};
  new Headers(h ?? {}).forEach((value, key) => (out[key.toLowerCase()] = value));
  return out;
};

/**
 * A Graph `Client` wired to fake routes without HTTP: the last middleware calls
 * `routes.handle` and builds the `Response` the SDK reads. A request no route answers is a
 * 501 with the path, so a test fails on an unexpected URL. `calls` counts what was sent.
 */
export function inProcessGraphClient(routes: FakeGraphRoutes): { client: Client; calls: GraphCall[] } {
  const calls: GraphCall[] = [];
  const terminal: Middleware = {
    async execute(context: Context) {
      const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
      const method = (context.options?.method ?? 'GET').toUpperCase();
      const path = decodeURIComponent(url.pathname.replace(/^\/(v1\.0|beta)/, ''));
      calls.push({ method, path });
      const raw = context.options?.body;
      const answer = routes.handle({
        method,
        path,
        query: url.searchParams,
        headers: headersOf(context.options?.headers),
        body: typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : undefined,
      }) ?? {
        status: 501,
        body: { error: { code: 'NotImplemented', message: `No fake route for ${method} ${path}` } },
      };
      const hasBody = answer.body !== undefined && answer.status !== 204;
      context.response = new Response(hasBody ? JSON.stringify(answer.body) : null, {
        status: answer.status,
        headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...answer.headers },
      });
    },
  };
  return { client: Client.initWithMiddleware({ middleware: terminal }), calls };
}

/** How many calls went to each `METHOD path`. */
export const callCounts = (calls: readonly GraphCall[]): Record<string, number> =>
  calls.reduce<Record<string, number>>(
    (n, c) => ({ ...n, [`${c.method} ${c.path}`]: (n[`${c.method} ${c.path}`] ?? 0) + 1 }),
    {},
  );
