import { createHash } from 'node:crypto';
import type { CalendarAttendee, CalendarEvent, CalendarEventChanges, ScheduledEvent } from '../../ports/calendar';
import { CalendarError, calendarEventProblem } from '../../ports/calendar';
import { isStoreError } from '../../ports/record-store';

/** The list the local calendar keeps its events in: one record per event, id from the key. */
export const CALENDAR_EVENTS_LIST = 'calendarEvents';

/** A scheduled event as stored; the link is derived from the server's address when read. */
export type CalendarEventRecord = Omit<ScheduledEvent, 'webLink'>;

/**
 * The event id for an idempotency key: a hash, so any key makes a safe URL segment and the
 * store's refusal of a second create with one id is what makes `schedule` idempotent.
 */
export const eventIdFor = (idempotencyKey: string): string =>
  `ev-${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32)}`;

export const isEventId = (id: string): boolean => /^ev-[0-9a-f]{32}$/.test(id);

/** `/calendar/<id>.ics`: the path the server serves the file at. */
export const icsPath = (id: string): string => `/calendar/${encodeURIComponent(id)}.ics`;

/**
 * How long after an event ends its .ics link keeps working: long enough for a late look at
 * what was held (or a cancellation to reach a calendar that subscribed), not for ever, since
 * the file names every attendee's address and the Teams join link.
 */
export const CALENDAR_LINK_DAYS_AFTER_END = 14;

export const calendarLinkExpiry = (event: Pick<CalendarEvent, 'end'>): Date =>
  new Date(Date.parse(event.end) + CALENDAR_LINK_DAYS_AFTER_END * 24 * 60 * 60_000);

const text = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s);

function attendee(a: CalendarAttendee): CalendarAttendee {
  return { name: a.name.trim(), email: a.email.trim().toLowerCase(), attendance: a.attendance };
}

/**
 * One shape for an event, whatever the caller passed: instants in UTC, addresses in lower
 * case, empty optional text left out, keys in one order (so equal events serialise equally).
 */
export function normaliseEvent(e: CalendarEvent): CalendarEvent {
  const location = text(e.location);
  const joinUrl = text(e.joinUrl);
  const instant = (s: string) => (Number.isNaN(Date.parse(s)) ? s : new Date(s).toISOString());
  return {
    idempotencyKey: e.idempotencyKey,
    title: e.title.trim(),
    start: instant(e.start),
    end: instant(e.end),
    timeZone: e.timeZone,
    organiser: { name: e.organiser.name.trim(), email: e.organiser.email.trim().toLowerCase() },
    attendees: e.attendees.map(attendee),
    ...(location !== undefined ? { location } : {}),
    onlineMeeting: e.onlineMeeting,
    ...(joinUrl !== undefined ? { joinUrl: joinUrl.trim() } : {}),
    body: e.body,
  };
}

export const sameEvent = (a: CalendarEvent, b: CalendarEvent): boolean =>
  JSON.stringify(normaliseEvent(a)) === JSON.stringify(normaliseEvent(b));

/** Store failures in the port's words, with the cause kept. */
export function translateStoreError(id: string, e: unknown): CalendarError {
  if (e instanceof CalendarError) return e;
  if (isStoreError(e, 'STORE.NOT_FOUND')) return new CalendarError('CALENDAR.NOT_FOUND', id, { cause: e });
  if (isStoreError(e, 'STORE.PRECONDITION_FAILED') || isStoreError(e, 'STORE.ALREADY_EXISTS')) {
    return new CalendarError('CALENDAR.CONFLICT', id, { cause: e, detail: 'concurrent changes kept winning' });
  }
  return new CalendarError('CALENDAR.UNAVAILABLE', id, { cause: e });
}

/** Throws `CALENDAR.INVALID` with the first rule the event breaks. Shared by every calendar adapter. */
export function invalidIfBroken(id: string, event: CalendarEvent): void {
  const problem = calendarEventProblem(event);
  if (problem) throw new CalendarError('CALENDAR.INVALID', id, { detail: problem });
}

/** `{ location: undefined }` means "not changing"; an empty string removes the location. */
export function defined(changes: CalendarEventChanges): CalendarEventChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as CalendarEventChanges;
}
