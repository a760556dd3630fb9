import restify from 'restify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../log';
import { fileHeaders, setBaseSecurityHeaders } from './security-headers';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly [key: string]: unknown;
}

/** The bot's web server: `/api/messages` for Teams, `/healthz` for App Service's health check. */
/** A file the server hands out, such as a meeting's .ics. */
export interface ServedFile {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/** A document to download, behind a signed link (see SignedLinks). */
export type Download = (
  meetingId: string,
  file: string,
  query: Readonly<Record<string, string>>,
) => Promise<ServedFile>;

/** `POST /api/messages`: the Teams SDK's endpoint (Bot Framework here, or adapters/agents-sdk). */
export type MessagesEndpoint = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function createHttpServer(
  messages: MessagesEndpoint,
  health: () => Promise<HealthReport>,
  log: Logger,
  calendarFile?: (eventId: string, query: Readonly<Record<string, string>>) => Promise<ServedFile>,
  download?: Download,
): restify.Server {
  const server = restify.createServer({ name: 'samrad', handleUncaughtExceptions: false });
  // Before routing, so unknown paths and restify's own errors carry them too.
  server.pre((_req, res, next) => {
    setBaseSecurityHeaders(res);
    next();
  });
  // No body parser: the endpoint reads and checks the body itself (message-endpoint.ts).
  server.post('/api/messages', async (req, res) => messages(req, res));
  server.get('/healthz', async (_req, res) => {
    const report = await health().catch((e: unknown) => ({
      status: 'degraded' as const,
      error: e instanceof Error ? e.message : String(e),
    }));
    res.json(report.status === 'ok' ? 200 : 503, report);
  });
  if (calendarFile) {
    // The local calendar: invitations link here so attendees can add the meeting to theirs.
    server.get('/calendar/:file', async (req, res) => {
      const name = paramOf(req, 'file');
      const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams) as Record<string, string>;
      const file = name.endsWith('.ics')
        ? await calendarFile(name.slice(0, -'.ics'.length), query)
        : { status: 404, headers: {}, body: '' };
      res.writeHead(file.status, fileHeaders(file.headers));
      res.end(file.body);
    });
  }
  if (download) {
    server.get('/exports/:meetingId/:file', async (req, res) => {
      const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams) as Record<string, string>;
      const file = await download(paramOf(req, 'meetingId'), paramOf(req, 'file'), query);
      res.writeHead(file.status, fileHeaders(file.headers));
      res.end(file.body);
    });
  }
  // restify types its events' listeners as taking any: the arguments are named here.
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: unknown, callback: () => void) => {
    log.warn('http.error', {
      method: req.method,
      path: req.path(),
      status: (err as { statusCode?: number } | null | undefined)?.statusCode,
    });
    callback();
  });
  return server;
}

/** A path parameter as text: restify types `params` as any. */
function paramOf(req: restify.Request, name: string): string {
  const value = (req.params as Readonly<Record<string, unknown>> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
