/*
 * Reading a failed connector call as the Bot Framework SDK throws it (a RestError with the HTTP
 * status, Teams' error code from the body, and the response headers): what the sender needs to
 * tell a refusal for good from a temporary one, and how long Teams asks it to wait.
 */
import type { DeliveryFailureKind } from '../../app/delivery/delivery-failures';

/** Teams refused the request for good: what kind of refusal, and Teams' own status and code. */
export interface Refused {
  readonly kind: DeliveryFailureKind;
  readonly status: number;
  readonly code?: string;
}

/** The HTTP status of a failed connector call, as the Bot Framework SDK reports it. */
export function connectorStatus(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; response?: { status?: unknown } } | undefined;
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** What the SDK throws, as far as it is read here; anything may be thrown, a non-object too. */
interface Thrown {
  readonly response?: { readonly headers?: { get?: (n: string) => unknown } & Record<string, unknown> };
}

/** Retry-After in ms (seconds or an HTTP date), when the failed call carried one. */
export function retryAfterMs(error: unknown, now: number): number | undefined {
  const headers = (error as Thrown | null | undefined)?.response?.headers;
  const raw = headers?.get?.('retry-after') ?? headers?.['retry-after'];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(String(raw));
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Teams' error codes for a 403, by what they mean for the coordinator. */
const FORBIDDEN: Readonly<Record<string, DeliveryFailureKind>> = {
  ConversationBlockedByUser: 'blocked-by-user',
  BotNotInConversationRoster: 'bot-removed',
  BotDisabledByAdmin: 'disabled-by-admin',
};

/** Only Teams' own codes: a code such as `toString` is not a key of FORBIDDEN. */
const forbiddenKind = (code: string | undefined): DeliveryFailureKind | undefined =>
  code !== undefined && Object.hasOwn(FORBIDDEN, code) ? FORBIDDEN[code] : undefined;

/** The error code in Teams' answer body (`{ error: { code } }`), as the SDK's RestError carries it. */
function connectorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; response?: { parsedBody?: { error?: { code?: unknown } } } } | undefined;
  const code = e?.response?.parsedBody?.error?.code ?? e?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * A refusal retrying cannot fix (Teams bot error codes): 403 (blocked, removed, disabled), 404
 * `ConversationNotFound` (the bot was removed or the conversation deleted) and 413
 * `MessageSizeTooBig`. Undefined for anything else: that is temporary or a bug.
 */
export function refusalOf(error: unknown): Refused | undefined {
  const status = connectorStatus(error);
  const code = connectorCode(error);
  const of = (kind: DeliveryFailureKind): Refused => ({ kind, status: status!, ...(code && { code }) });
  if (status === 403) return of(forbiddenKind(code) ?? 'forbidden');
  if (status === 404) return of('not-found');
  if (status === 413) return of('too-large');
  return undefined;
}

/** For the job's error and the failure record: Teams' code and status, e.g. `ConversationBlockedByUser (403)`. */
export const refusalText = (r: Refused): string => `${r.code ?? 'refused'} (${r.status})`;
