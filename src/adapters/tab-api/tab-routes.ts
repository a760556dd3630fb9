import type { StaticFiles } from './static-files-port';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type restify from 'restify';
import type { Logger } from '../../log';
import type { Clock } from '../../ports/clock';
import type { TabService } from '../../app/my-work/tab-service';
import type { TabActor } from '../../app/my-work/tab-actor';
import type { TabUser, TokenCheck } from './tab-token';
import { isLoopback, localeOf, pageHeaders, readJsonBody, sendJson } from './tab-http';
import type { LocalTabHost } from './local-tab-host';

export interface TabRoutesDeps {
  readonly service: TabService;
  /** Checks the request's SSO token: Entra ID's in production, the local key's in local mode. */
  readonly authenticate: (authorization: string | undefined) => Promise<TokenCheck>;
  readonly mode: 'local' | 'production';
  /** The built tab (`npm run build` writes it): index.html and hashed bundles. */
  readonly staticDir: string;
  readonly log: Logger;
  readonly clock: Clock;
  /** Local mode only: the host page that stands in for Teams. */
  readonly localHost?: LocalTabHost;
}

type Handler = (req: IncomingMessage & { params?: Record<string, string> }, res: ServerResponse) => Promise<void>;

/**
 * `/tab/` (the app) and `/tab/api/*` (its JSON API). Every API request is authenticated with the
 * SSO token and the person identified as the bot does it; roles decide in the app services.
 * Local mode has no tenant, so like the bot it answers loopback only.
 */
export function mountTab(server: restify.Server, deps: TabRoutesDeps): void {
  const guard =
    (handler: Handler): Handler =>
    async (req, res) => {
      if (deps.mode === 'local' && !isLoopback(req.socket.remoteAddress)) {
        sendJson(res, 403, { error: 'forbidden' });
        return;
      }
      try {
        await handler(req, res);
      } catch (error) {
        deps.log.error('tab.failed', { path: req.url?.split('?')[0], error: (error as Error).message });
        sendJson(res, 500, { error: 'internal' });
      }
    };

  /** The person behind the request, or the refusal already sent. */
  const signedIn = async (req: IncomingMessage, res: ServerResponse): Promise<TabActor | undefined> => {
    const check = await deps.authenticate(req.headers.authorization).catch((e: unknown) => {
      deps.log.warn('tab.keys-unavailable', { error: e instanceof Error ? e.message : String(e) });
      return undefined;
    });
    if (!check) {
      sendJson(res, 503, { error: 'unavailable' }, { 'retry-after': '30' });
      return undefined;
    }
    if (!check.ok) {
      deps.log.warn('tab.auth-refused', { problem: check.problem });
      sendJson(res, 401, { error: 'unauthorized' });
      return undefined;
    }
    const actor = await deps.service.identify(teamsUser(check.user), async () =>
      check.user.upn ? { upn: check.user.upn } : undefined,
    );
    if (actor.kind === 'unregistered') {
      sendJson(res, 403, { error: 'unknown-person', message: deps.service.unknown(actor, localeOf(req)) });
      return undefined;
    }
    return actor;
  };

  const api = (
    method: 'get' | 'post',
    path: string,
    run: (
      actor: TabActor,
      req: IncomingMessage & { params?: Record<string, string> },
      res: ServerResponse,
    ) => Promise<void>,
  ) => {
    server[method](
      path,
      guard(async (req, res) => {
        const actor = await signedIn(req, res);
        if (actor) await run(actor, req, res);
      }),
    );
  };

  api('get', '/tab/api/me', async (actor, _req, res) => sendJson(res, 200, deps.service.person(actor)));
  api('get', '/tab/api/my-work', async (actor, _req, res) =>
    sendJson(res, 200, { items: await deps.service.myWork(actor) }),
  );
  // The Teams meeting the panel runs in, as teams-js gives it: its chat id and meeting id.
  api('get', '/tab/api/meeting', async (actor, req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    const chatId = q.get('chat')?.slice(0, 400);
    const meetingId = q.get('meeting')?.slice(0, 400);
    sendJson(
      res,
      200,
      await deps.service.meetingRoom(actor, { ...(chatId && { chatId }), ...(meetingId && { meetingId }) }),
    );
  });
  api('get', '/tab/api/dashboard', async (actor, req, res) => {
    // Polled every few seconds: the eTag comes from version stamps, so an unchanged dashboard
    // costs a 304 without the view being built. Stamped before the view is read: a change in
    // between gives a newer body under an older eTag, and the next poll a full answer again.
    const etag = await deps.service.dashboardStamp(actor, localeOf(req));
    if (!etag) {
      sendJson(res, 403, { error: 'not-allowed' });
      return;
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'private, no-cache' });
      return void res.end();
    }
    const view = await deps.service.dashboard(actor, localeOf(req));
    if (!view) {
      sendJson(res, 403, { error: 'not-allowed' });
      return;
    }
    sendJson(res, 200, view, { etag, 'cache-control': 'private, no-cache' });
  });
  api('get', '/tab/api/bodies', async (_actor, _req, res) => sendJson(res, 200, { bodies: deps.service.bodies() }));
  api('get', '/tab/api/bodies/:id', async (actor, req, res) => {
    const search = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    const view = await deps.service.bodyTab(actor, req.params?.id ?? '', search.slice(0, 200));
    sendJson(res, view ? 200 : 404, view ?? { error: 'not-found' });
  });
  api('get', '/tab/api/forms', async (actor, _req, res) => {
    const choices = deps.service.choices(actor);
    sendJson(res, choices ? 200 : 403, choices ?? { error: 'not-allowed' });
  });
  api('post', '/tab/api/actions/:verb', async (actor, req, res) => {
    const body = await readJsonBody(req);
    if (!body.ok) {
      sendJson(res, 400, { error: 'bad-request' });
      return;
    }
    const { actionId, ...data } = body.value;
    const outcome = await deps.service.act(
      actor,
      req.params?.verb ?? '',
      data,
      localeOf(req),
      typeof actionId === 'string' ? actionId.slice(0, 100) : '',
    );
    sendJson(res, outcome.ok ? 200 : outcome.status, outcome);
  });
  api('post', '/tab/api/commands/:id', async (actor, req, res) => {
    const body = await readJsonBody(req);
    if (!body.ok || typeof body.value.target !== 'string') {
      sendJson(res, 400, { error: 'bad-request' });
      return;
    }
    const outcome = await deps.service.command(
      actor,
      req.params?.id ?? '',
      body.value.target.slice(0, 40),
      localeOf(req),
    );
    sendJson(res, outcome.ok ? 200 : outcome.status, outcome);
  });

  const files = staticFiles(deps.staticDir);
  server.get(
    '/tab/*',
    guard(async (req, res) => files.serve(req, res, deps.mode)),
  );
  server.get(
    '/tab',
    guard(async (_req, res) => {
      res.writeHead(301, { location: '/tab/' });
      res.end();
    }),
  );
  if (deps.localHost) deps.localHost.mount(server, guard, files);
}

function teamsUser(user: TabUser) {
  // No Teams user id (29:…) comes with a token; the object id stands in and is never stored as one.
  return { userId: `aad:${user.aadObjectId}`, aadObjectId: user.aadObjectId, ...(user.name && { name: user.name }) };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The built tab. Hashed bundles are cached for good; the page itself is always asked for again. */
export function staticFiles(dir: string): StaticFiles {
  const read = (name: string): Buffer | undefined => {
    const path = normalize(join(dir, name));
    if (!path.startsWith(normalize(dir)) || !existsSync(path)) return undefined;
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  };
  return {
    read,
    async serve(req, res, mode) {
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/tab\//, '');
      const asset = /^[\w.-]+\.(js|css|png|svg|json)$/.test(path) ? path : undefined;
      if (asset) {
        const body = read(asset);
        if (!body) {
          sendJson(res, 404, { error: 'not-found' });
          return;
        }
        res.writeHead(200, {
          ...pageHeaders(types[extname(asset)] ?? 'application/octet-stream'),
          'cache-control': /-[A-Z0-9]{8}\./.test(asset) ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
        return void res.end(body);
      }
      // Every page of the app (/tab/, /tab/config, /tab/dashboard, ...) is the same document.
      const page = read('index.html');
      if (!page) {
        sendJson(res, 503, { error: 'tab not built: run npm run build' });
        return;
      }
      res.removeHeader('X-Frame-Options');
      res.writeHead(200, { ...pageHeaders('text/html; charset=utf-8'), 'cache-control': 'no-cache' });
      res.end(page.toString('utf8').replace('data-mode="production"', `data-mode="${mode}"`));
    },
  };
}
