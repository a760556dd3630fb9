import type { Activity } from 'botbuilder';

export type Incoming =
  { readonly ok: true; readonly activity: Activity } | { readonly ok: false; readonly problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const loopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Fields that, when present, must have the type the SDK and our handlers assume. */
const optionalShapes: Record<string, (v: unknown) => boolean> = {
  id: (v) => typeof v === 'string',
  text: (v) => typeof v === 'string',
  locale: (v) => typeof v === 'string',
  textFormat: (v) => typeof v === 'string',
  name: (v) => typeof v === 'string',
  timestamp: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  localTimestamp: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  replyToId: (v) => typeof v === 'string',
  recipient: (v) => isObject(v) && (v.id === undefined || typeof v.id === 'string'),
  channelData: isObject,
  entities: (v) => Array.isArray(v) && v.every(isObject),
  attachments: (v) => Array.isArray(v) && v.every(isObject),
  membersAdded: (v) => Array.isArray(v) && v.every((m) => isObject(m) && typeof m.id === 'string'),
  membersRemoved: (v) => Array.isArray(v) && v.every((m) => isObject(m) && typeof m.id === 'string'),
};

/**
 * Whether a request body is an activity the server can use. Checked at the HTTP edge before
 * the SDK sees it, so a malformed request is a fast 400 that touches nothing: without a
 * usable `serviceUrl` the SDK would try to answer at Microsoft's public address.
 */
export function readIncomingActivity(body: unknown): Incoming {
  if (!isObject(body)) return { ok: false, problem: 'body is not a JSON object' };
  if (!nonEmpty(body.type)) return { ok: false, problem: 'no type' };
  if (!nonEmpty(body.serviceUrl) || !usableServiceUrl(body.serviceUrl))
    return { ok: false, problem: 'no usable serviceUrl' };
  if (!isObject(body.conversation) || !nonEmpty(body.conversation.id))
    return { ok: false, problem: 'no conversation.id' };
  if (!optionalString(body.conversation, 'conversationType') || !optionalString(body.conversation, 'tenantId'))
    return { ok: false, problem: 'bad conversation' };
  if (!isObject(body.from) || !nonEmpty(body.from.id)) return { ok: false, problem: 'no from.id' };
  if (!optionalString(body.from, 'aadObjectId') || !optionalString(body.from, 'name'))
    return { ok: false, problem: 'bad from' };
  if (body.channelId !== undefined && !nonEmpty(body.channelId)) return { ok: false, problem: 'bad channelId' };
  for (const [field, fits] of Object.entries(optionalShapes))
    if (body[field] !== undefined && body[field] !== null && !fits(body[field]))
      return { ok: false, problem: `bad ${field}` };
  return { ok: true, activity: withDates(withoutNulls(body)) as unknown as Activity };
}

/** https, or http to this machine (the local playground and test connectors). */
function usableServiceUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback(url.hostname));
  } catch {
    return false;
  }
}

const optionalString = (o: Record<string, unknown>, key: string) =>
  o[key] === undefined || o[key] === null || typeof o[key] === 'string';

/** A copy without the optional fields sent as null: the handlers read a missing field, never a null one. */
function withoutNulls(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).filter(([field, value]) => !(value === null && Object.hasOwn(optionalShapes, field))),
  );
}

const DATES = [
  ['timestamp', 'rawTimestamp'],
  ['localTimestamp', 'rawLocalTimestamp'],
  ['expiration', 'rawExpiration'],
] as const;

/**
 * As the SDK's own reader does: the raw strings are kept beside the parsed dates. A copy; a
 * date field that is not a string is left out.
 */
function withDates(body: Record<string, unknown>): Record<string, unknown> {
  const dates = DATES.flatMap(([field, raw]) => {
    const value = body[field];
    return typeof value === 'string' ? [[field, new Date(value)] as const, [raw, value] as const] : [];
  });
  const rest = Object.entries(body).filter(([field]) => !DATES.some(([date]) => date === field));
  return Object.fromEntries([...rest, ...dates]);
}
