// What every calendar adapter does the same way, whatever the calendar behind it: one shape for an
// event, one event id per idempotency key, the contract's refusals. Part of the calendar port's
// contract, so the adapters share it here instead of reaching into each other.
import { createHash } from 'node:crypto';
import type { CalendarAttendee, CalendarEvent, CalendarEventChanges } from './calendar';
import { CalendarError, calendarEventProblem } from './calendar';
import { isStoreError } from './record-store';

/**
 * The event id for an idempotency key: a hash, so any key makes a safe URL segment and the
 * store's refusal of a second create with one id is what makes `schedule` idempotent.
 */
export const eventIdFor = (idempotencyKey: string): string =>
  `ev-${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32)}`;

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
  // <unknown>: inferred, the values' type leaves out the undefined an optional property may hold.
  return Object.fromEntries(Object.entries<unknown>(changes).filter(([, v]) => v !== undefined));
}
