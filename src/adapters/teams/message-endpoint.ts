import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActivityHandler } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Logger } from '../../log';
import type { SamradAdapter } from './bot-authentication';
import { readIncomingActivity } from './incoming-activity';
import { SigningKeysUnavailable } from '../signing-keys/signing-keys';

/** Far above any activity Teams sends (a message is at most about 28 KB); refused unread beyond. */
export const MAX_ACTIVITY_BYTES = 1024 * 1024;

/** Short and the same for everyone: nothing about the server, the SDK or the network. */
const answers = {
  400: { error: 'Bad request' },
  401: { error: 'Unauthorized' },
  500: { error: 'Internal error' },
  503: { error: 'Service unavailable' },
} as const;

type Status = keyof typeof answers;

/**
 * `POST /api/messages`: reads the body itself (bounded), refuses what cannot be an activity
 * with 400 before the SDK or any network is touched, then authenticates and runs the turn.
 * Every failure is answered with a fixed body; the detail goes to the log only.
 */
export function messageEndpoint(adapter: SamradAdapter, bot: ActivityHandler, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req);
    if (!body.ok) {
      refuse(res, 400, log, body.problem, body.drain);
      return;
    }
    const incoming = readIncomingActivity(body.value);
    if (!incoming.ok) {
      refuse(res, 400, log, incoming.problem);
      return;
    }
    const authorization = req.headers.authorization ?? '';
    try {
      const invoke = await adapter.handle(authorization, incoming.activity, (context) => bot.run(context));
      const status = invoke?.status ?? 200;
      // restify's writeHead does not return the response, so no chaining here.
      if (invoke?.body === undefined) {
        res.writeHead(status);
        res.end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(invoke.body));
      }
    } catch (error) {
      if (error instanceof AuthenticationError && error.statusCode === 401) {
        refuse(res, 401, log, error.message);
        return;
      }
      if (error instanceof SigningKeysUnavailable) {
        log.warn('auth.keys-unavailable', { reason: causeOf(error) });
        send(res, 503, { 'retry-after': '30' });
        return;
      }
      log.error('http.turn-failed', { error: (error as Error).message });
      send(res, 500);
      return;
    }
  };
}

function refuse(res: ServerResponse, status: 400 | 401, log: Logger, problem: string, drain = false): void {
  log.warn(status === 400 ? 'http.bad-activity' : 'auth.refused', { problem });
  send(res, status, drain ? { connection: 'close' } : {});
}

function send(res: ServerResponse, status: Status, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(answers[status]));
}

const causeOf = (error: Error): string => {
  const cause = error.cause as { message?: string; cause?: { code?: string } } | undefined;
  return [cause?.message, cause?.cause?.code].filter(Boolean).join(': ') || error.message;
};

type Body = { ok: true; value: unknown } | { ok: false; problem: string; drain?: boolean };

/** Past this much, an oversized body is no longer read to the end: the connection is cut. */
const DRAIN_LIMIT = 16 * MAX_ACTIVITY_BYTES;

/** Reads to the end even when too large (so the client gets its 400), keeping at most the limit. */
function readJson(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ACTIVITY_BYTES) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('error', () => resolve({ ok: false, problem: 'body not read', drain: true }));
    req.on('close', () => resolve({ ok: false, problem: 'body not read', drain: true }));
    req.on('end', () => {
      if (size > MAX_ACTIVITY_BYTES) {
        resolve({ ok: false, problem: 'body too large', drain: true });
        return;
      }
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve({ ok: false, problem: 'not JSON' });
      }
    });
  });
}
