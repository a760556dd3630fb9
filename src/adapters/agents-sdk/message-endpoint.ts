import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActivityHandler, AuthConfiguration, CloudAdapter, Request, WebResponse } from '@microsoft/agents-hosting';
import { authorizeJWT } from '@microsoft/agents-hosting';
import type { Logger } from '../../log';

/** Far above any activity Teams sends (a message is at most about 28 KB); refused unread beyond. */
const MAX_ACTIVITY_BYTES = 1024 * 1024;

const answers = {
  400: { error: 'Bad request' },
  401: { error: 'Unauthorized' },
  500: { error: 'Internal error' },
} as const;

/**
 * `POST /api/messages` on the Agents SDK: the body is read here (bounded) and refused with a
 * fixed 400 when it cannot be an activity; with an app id the SDK's `authorizeJWT` checks the
 * token, then `CloudAdapter.process` runs the turn. The SDK writes through Express-style
 * `status`/`send`, which a node response lacks: `Captured` collects them.
 */
export function messageEndpoint(
  adapter: CloudAdapter,
  bot: ActivityHandler,
  authConfig: AuthConfiguration,
  log: Logger,
) {
  const authorize = authConfig.clientId ? authorizeJWT(authConfig) : undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req);
    if (!isActivity(body)) {
      send(res, 400, log, 'not an activity');
      return;
    }
    const request: Request = { body, headers: req.headers, method: req.method ?? 'POST' };
    const captured = new Captured();
    if (authorize) {
      const passed = await new Promise<boolean>((resolve) => {
        void authorize(request, captured, (error?: unknown) => resolve(error === undefined));
        // authorizeJWT answers 401 itself without calling next.
        captured.onEnd = () => resolve(false);
      });
      if (!passed) {
        send(res, 401, log, 'token refused');
        return;
      }
      captured.onEnd = undefined;
    }
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
  onEnd: (() => void) | undefined;
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
    this.onEnd?.();
    return this;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The least the SDK and Samråd's handlers assume of an activity. */
function isActivity(v: unknown): v is Record<string, unknown> {
  if (!isObject(v) || typeof v.type !== 'string' || v.type === '') return false;
  if (!isObject(v.conversation) || typeof v.conversation.id !== 'string' || v.conversation.id === '') return false;
  return isObject(v.from) && typeof v.from.id === 'string';
}

function send(res: ServerResponse, status: keyof typeof answers, log: Logger, problem?: string): void {
  if (problem) log.warn(status === 400 ? 'http.bad-activity' : 'auth.refused', { problem });
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
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
