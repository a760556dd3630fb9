import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeDrive } from './drive-routes';
import { FakeSharePointLists } from './list-routes';
import { FAKE_WEB_PATH, FakeListViews } from './list-views';
import { answerBatch, type BatchOrder } from './batch';
import { Faults } from './faults';
import { graphError, seeded } from './odata';
import type { FakeGraphRequest, FakeGraphResponse, FakeGraphRoutes } from './route';

export interface FakeGraphThrottle {
  /** Share of calls (0..1) answered 429, batch sub-requests included. */
  readonly share: number;
  readonly seed?: number;
  /** The Retry-After sent: seconds, or an HTTP date; null sends none (Graph sometimes does not). */
  readonly retryAfter?: string | null;
}

/** Graph refuses a request body over 4 MB with 413 (file content goes through drive uploads instead). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export interface FakeGraphOptions {
  readonly siteId?: string;
  readonly driveId?: string;
  readonly throttle?: FakeGraphThrottle;
  readonly routes?: readonly FakeGraphRoutes[];
  /** Largest page of list items (SharePoint's own cap is higher). */
  readonly maxPage?: number;
  /** The list view threshold (SharePoint's 5,000 by default); lower it to test without 5,001 items. */
  readonly viewThreshold?: number;
  /** How `$batch` orders its responses: shuffled by default, since Graph promises no order. */
  readonly batchOrder?: BatchOrder;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** A sub-request of a `$batch`, not an HTTP request of its own. */
  readonly inBatch: boolean;
  readonly status: number;
  readonly userAgent: string;
  /** The bearer token sent, if any (a fake only: real logs never keep tokens). */
  readonly token: string | undefined;
}

const VERSION = /^\/(v1\.0|beta)(?=\/)/;

/**
 * A local Microsoft Graph over real HTTP for the subset Samråd uses: SharePoint lists and
 * items, drive uploads, JSON `$batch` with a status per sub-request, and 429 with
 * Retry-After for a seeded share of calls. Other route sets (calendar events) mount beside.
 */
export class FakeGraph {
  readonly lists: FakeSharePointLists;
  readonly drive: FakeDrive;
  /** The site resource and list views through SharePoint's REST API (`<web>/_api/...`). */
  readonly views: FakeListViews;
  readonly requests: RecordedRequest[] = [];
  /** Faults to answer with, queued by a test: `fake.faults.add({ status: 429, retryAfter: null })`. */
  readonly faults = new Faults();
  private readonly batchOrder: BatchOrder;
  /** Its own sequence, so shuffling batches does not change which calls a seeded throttle hits. */
  private readonly shuffle = seeded(20);
  private readonly routes: FakeGraphRoutes[];
  private throttle: FakeGraphThrottle;
  private random: () => number;
  private origin = '';

  private constructor(
    private readonly server: Server,
    options: FakeGraphOptions,
  ) {
    this.lists = new FakeSharePointLists(
      options.siteId ?? 'contoso.sharepoint.com,site-1,web-1',
      () => this.origin,
      undefined,
      options.maxPage,
      options.viewThreshold,
    );
    this.batchOrder = options.batchOrder ?? 'shuffled';
    this.drive = new FakeDrive(options.driveId ?? 'drive-1');
    this.views = new FakeListViews(this.lists, () => this.origin);
    this.routes = [this.lists, this.drive, this.views, ...(options.routes ?? [])];
    this.throttle = options.throttle ?? { share: 0 };
    this.random = seeded(this.throttle.seed ?? 1);
  }

  static async start(options: FakeGraphOptions = {}): Promise<FakeGraph> {
    // The handler runs only once the server listens, after `fake` is made.
    const server = createServer((req, res) => void fake.serve(req, res));
    const fake = new FakeGraph(server, options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The versioned base URL to configure: `http://127.0.0.1:<port>/v1.0`. */
  get baseUrl(): string {
    return `${this.origin}/v1.0`;
  }

  mount(routes: FakeGraphRoutes): void {
    this.routes.push(routes);
  }

  setThrottle(throttle: FakeGraphThrottle): void {
    this.throttle = throttle;
    this.random = seeded(throttle.seed ?? 1);
  }

  /** Requests answered, by method and path: `count('PATCH', /\/items\//)`. */
  count(method?: string, path?: RegExp, filter: (r: RecordedRequest) => boolean = () => true): number {
    return this.requests.filter((r) => (!method || r.method === method) && (!path || path.test(r.path)) && filter(r))
      .length;
  }

  /** HTTP requests that reached the server (a `$batch` counts once). */
  httpRequests(): number {
    return this.count(undefined, undefined, (r) => !r.inBatch);
  }

  /** Writes that changed or tried to change something, batch sub-requests included. */
  writes(): number {
    return this.count(undefined, undefined, (r) => r.method !== 'GET' && r.path !== '/$batch');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    );
    const url = new URL(req.url ?? '/', this.origin);
    const isJson = (headers['content-type'] ?? '').includes('json');
    let reply: FakeGraphResponse;
    // SharePoint's own REST API on the site's web address: `/sites/samrad/_api/...` becomes `/_api/...`.
    if (url.pathname.startsWith(`${FAKE_WEB_PATH}/_api/`))
      url.pathname = `/v1.0${url.pathname.slice(FAKE_WEB_PATH.length)}`;
    if (!VERSION.test(url.pathname)) reply = graphError(400, 'invalidRequest', 'no version segment');
    else if (raw.length > MAX_REQUEST_BYTES && !url.pathname.endsWith(':/content')) {
      reply = graphError(
        413,
        'RequestEntityTooLarge',
        `The request body is ${raw.length} bytes; Microsoft Graph takes at most 4 MB.`,
      );
      this.record(
        {
          method: req.method ?? 'GET',
          path: url.pathname.replace(VERSION, ''),
          query: url.searchParams,
          headers,
          body: undefined,
        },
        false,
        reply,
      );
    } else {
      let body: unknown = raw;
      try {
        if (isJson) body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
        reply = this.answer(
          {
            method: req.method ?? 'GET',
            path: url.pathname.replace(VERSION, ''),
            query: url.searchParams,
            headers,
            body,
          },
          false,
        );
      } catch (e) {
        reply = graphError(400, 'invalidRequest', (e as Error).message);
      }
    }
    res.writeHead(reply.status, {
      ...(reply.body !== undefined && { 'content-type': 'application/json' }),
      ...reply.headers,
    });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  private answer(request: FakeGraphRequest, inBatch: boolean): FakeGraphResponse {
    const reply =
      this.faults.take(request, inBatch) ??
      this.throttled() ??
      (request.path === '/$batch' && request.method === 'POST' && !inBatch ? this.batch(request) : this.route(request));
    this.record(request, inBatch, reply);
    return reply;
  }

  private record(request: FakeGraphRequest, inBatch: boolean, reply: FakeGraphResponse): void {
    this.requests.push({
      method: request.method,
      path: request.path,
      query: request.query.toString(),
      inBatch,
      status: reply.status,
      userAgent: request.headers['user-agent'] ?? '',
      token: /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1],
    });
  }

  private throttled(): FakeGraphResponse | undefined {
    if (this.throttle.share <= 0 || this.random() >= this.throttle.share) return undefined;
    const retryAfter = this.throttle.retryAfter === undefined ? '1' : this.throttle.retryAfter;
    return graphError(
      429,
      'TooManyRequests',
      'Please retry after the time in Retry-After',
      retryAfter === null ? undefined : { 'Retry-After': retryAfter },
    );
  }

  private route(request: FakeGraphRequest): FakeGraphResponse {
    for (const routes of this.routes) {
      const reply = routes.handle(request);
      if (reply) return reply;
    }
    return graphError(400, 'BadRequest', `Unsupported request in the fake Graph: ${request.method} ${request.path}`);
  }

  private batch(request: FakeGraphRequest): FakeGraphResponse {
    return answerBatch(
      request,
      (sub) => this.answer(sub, true),
      this.batchOrder === 'shuffled' ? this.shuffle : undefined,
    );
  }
}
