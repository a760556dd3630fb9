import { createHash } from 'node:crypto';
import type { Attendee, DateTimeTimeZone, Event as GraphEvent } from '@microsoft/microsoft-graph-types';
import { osloInstant, osloWallClock } from '../../domain/oslo-time';
import type { CalendarEvent } from '../../ports/calendar';

/**
 * Our event ↔ Graph's event. Graph takes Windows time zone names: Europe/Oslo is not among
 * them, "W. Europe Standard Time" is the same rules (CET/CEST).
 */
export const GRAPH_OSLO_ZONE = 'W. Europe Standard Time';

const pad = (n: number) => String(n).padStart(2, '0');

const sameWall = (a: ReturnType<typeof osloWallClock>, b: ReturnType<typeof osloWallClock>) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * An instant as Oslo's wall clock, the way Graph wants start and end. The hour a year that
 * occurs twice (last Sunday of October, 02:00–02:59) is ambiguous in wall-clock time, and
 * which occurrence Exchange would pick is not documented, so such an instant is sent in UTC.
 */
export function graphDateTime(instant: string): DateTimeTimeZone {
  const ms = Date.parse(instant);
  const w = osloWallClock(ms);
  const twice = sameWall(osloWallClock(ms - 3600_000), w) || sameWall(osloWallClock(ms + 3600_000), w);
  if (twice || Date.parse(osloInstant(w)) !== ms) {
    return { dateTime: new Date(instant).toISOString().replace(/Z$/, ''), timeZone: 'UTC' };
  }
  return {
    dateTime: `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`,
    timeZone: GRAPH_OSLO_ZONE,
  };
}

/** A Graph `dateTimeTimeZone` (UTC or Oslo's Windows name) as an ISO instant; undefined for other zones. */
export function instantFromGraph(v: DateTimeTimeZone | null | undefined): string | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(v?.dateTime ?? '');
  if (!m) return undefined;
  // The seconds' group is optional: unmatched, it is undefined, whatever the type of exec's answer says.
  const [year, month, day, hour, minute, second = 0] = m.slice(1).map((s: string | undefined) => Number(s ?? 0));
  const wall = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second };
  if (v?.timeZone === 'UTC') return new Date(Date.UTC(year!, month! - 1, day, hour, minute, second)).toISOString();
  if (v?.timeZone === GRAPH_OSLO_ZONE) return osloInstant(wall);
  return undefined;
}

/**
 * Graph's `transactionId` for an idempotency key: the same key gives the same id, so a retried
 * create is recognised. A UUID (version 8, "custom": 122 bits of SHA-256 of the key) because
 * Graph's own examples use GUIDs and a key may hold any character.
 */
export function transactionIdFor(idempotencyKey: string): string {
  const b = createHash('sha256').update(`samrad:calendar:${idempotencyKey}`, 'utf8').digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const attendees = (e: CalendarEvent): Attendee[] =>
  e.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: a.attendance }));

/** Each Graph field we write, from our event. Only these are compared for a PATCH. */
function fields(e: CalendarEvent): Partial<GraphEvent> {
  return {
    subject: e.title,
    body: { contentType: 'text', content: e.body },
    start: graphDateTime(e.start),
    end: graphDateTime(e.end),
    location: { displayName: e.location ?? '' },
    attendees: attendees(e),
    isOnlineMeeting: e.onlineMeeting,
    ...(e.onlineMeeting ? { onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
  };
}

/** The body of `POST /users/{organiser}/events`: a meeting request Exchange sends to the attendees. */
export function graphEventFor(e: CalendarEvent): GraphEvent {
  return { ...fields(e), responseRequested: true, transactionId: transactionIdFor(e.idempotencyKey) };
}

/** The body of a PATCH: only the fields whose Graph form differs. Empty when nothing does. */
export function graphPatchFor(before: CalendarEvent, after: CalendarEvent): Partial<GraphEvent> {
  const a = fields(before) as Record<string, unknown>;
  const b = fields(after) as Record<string, unknown>;
  const patch = Object.fromEntries(Object.entries(b).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(a[k])));
  // Start and end go together: Graph checks the pair, and a move changes both.
  if ('start' in patch || 'end' in patch) Object.assign(patch, { start: b.start, end: b.end });
  return patch;
}

/** The Teams join link Graph made for an online meeting. */
export const joinUrlOf = (g: GraphEvent | undefined): string | undefined => g?.onlineMeeting?.joinUrl ?? undefined;
