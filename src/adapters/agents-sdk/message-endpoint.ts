import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActivityHandler, CloudAdapter, Request, WebResponse } from '@microsoft/agents-hosting';
import type { Logger } from '../../log';
import { SigningKeysUnavailable } from '../signing-keys/signing-keys';
import type { ChannelKeys } from '../teams-shared/channel-token';
import { checkChannelToken } from '../teams-shared/channel-token';
import { fromTenant, tenantOf } from '../teams-shared/tenant-guard';

/** Far above any activity Teams sends (a message is at most about 28 KB); refused unread beyond. */
const MAX_ACTIVITY_BYTES = 1024 * 1024;

const answers = {
  400: { error: 'Bad request' },
  401: { error: 'Unauthorized' },
  500: { error: 'Internal error' },
  503: { error: 'Service unavailable' },
} as const;

/**
 * `POST /api/messages` on the Agents SDK: the body is read here (bounded) and refused with a
 * fixed 400 when it cannot be an activity; with an app id the Bot Connector's token is checked
 * here (teams-shared/channel-token.ts) against Samråd's own key cache, as on the Bot Framework
 * side, rather than by the SDK's `authorizeJWT` (whose key fetch has no bound and no memory of
 * failures); the checked claims are the `user` the SDK answers as. Then `CloudAdapter.process`
 * runs the turn. The SDK writes through Express-style `status`/`send`, which a node response
 * lacks: `Captured` collects them.
 */
export function messageEndpoint(
  adapter: CloudAdapter,
  bot: ActivityHandler,
  trust: { readonly appId: string; readonly keys: ChannelKeys; readonly tenantId: string } | undefined,
  log: Logger,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req);
    if (!isActivity(body)) {
      send(res, 400, log, 'not an activity');
      return;
    }
    const request: Request = { body, headers: req.headers, method: req.method ?? 'POST' };
    if (trust) {
      try {
        const token = await checkChannelToken(req.headers.authorization, body, trust, new Date());
        if (!token.ok) {
          send(res, 401, log, token.problem);
          return;
        }
        request.user = token.claims;
        // Another tenant is refused here, before the SDK asks Entra ID for a token to answer with
        // (it does so before any middleware runs); the tenant guard stays behind it as well.
        if (!fromTenant(body, trust.tenantId)) {
          log.warn('tenant.refused', { tenant: tenantOf({ activity: body }) ?? '(none)', activityType: body.type });
          res.writeHead(body.type === 'invoke' ? 403 : 200);
          res.end();
          return;
        }
      } catch (error) {
        if (!(error instanceof SigningKeysUnavailable)) throw error;
        log.warn('auth.keys-unavailable', {
          reason: (error.cause as Error | undefined)?.message ?? error.message,
        });
        send(res, 503, log, undefined, { 'retry-after': '30' });
        return;
      }
    }
    const captured = new Captured();
    try {
      await adapter.process(request, captured, (context) => bot.run(context));
    } catch (error) {
      log.error('http.turn-failed', { error: (error as Error).message });
      send(res, 500, log);
      return;
    }
    res.writeHead(captured.statusCode, captured.headers);
    res.end(captured.body === undefined ? undefined : JSON.stringify(captured.body));
  };
}

/** What the SDK answered, to be written to the node response once the turn is over. */
class Captured implements WebResponse {
  statusCode = 200;
  headers: Record<string, string> = {};
  body: unknown;
  headersSent = false;
  writableEnded = false;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }
  send(body?: unknown): this {
    this.body = body;
    if (body !== undefined) this.headers['content-type'] ??= 'application/json; charset=utf-8';
    return this;
  }
  end(): this {
    this.writableEnded = true;
    return this;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type IncomingActivity = Record<string, unknown> & {
  readonly type: string;
  readonly serviceUrl?: unknown;
  readonly channelId?: unknown;
};

/** The least the SDK and Samråd's handlers assume of an activity. */
function isActivity(v: unknown): v is IncomingActivity {
  if (!isObject(v) || typeof v.type !== 'string' || v.type === '') return false;
  if (!isObject(v.conversation) || typeof v.conversation.id !== 'string' || v.conversation.id === '') return false;
  return isObject(v.from) && typeof v.from.id === 'string';
}

function send(
  res: ServerResponse,
  status: keyof typeof answers,
  log: Logger,
  problem?: string,
  headers: Record<string, string> = {},
): void {
  if (problem) log.warn(status === 400 ? 'http.bad-activity' : 'auth.refused', { problem });
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(answers[status]));
}

/** The body as JSON, or undefined when it is too large or not JSON. */
function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ACTIVITY_BYTES) chunks.push(chunk);
    });
    req.on('error', () => resolve(undefined));
    req.on('end', () => {
      if (size > MAX_ACTIVITY_BYTES) {
        resolve(undefined);
        return;
      }
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        resolve(undefined);
      }
    });
  });
}
