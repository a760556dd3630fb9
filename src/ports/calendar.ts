import { isInstant, OSLO_TIME_ZONE } from '../domain/oslo-time';

/**
 * The calendar port: where a meeting (or formøte) becomes an invitation in people's calendars.
 * Domain words only; each provider keeps its own types inside its adapter. Shaped so that the
 * local adapter (an .ics file per event) and Microsoft Graph (an event in the organiser's
 * mailbox, a Teams meeting, `transactionId`, `/cancel`) fit behind it. See docs/calendar.md.
 */

export interface CalendarPerson {
  readonly name: string;
  readonly email: string;
}

/** Required attendees are called (innkalt); optional ones are told (til orientering). */
export interface CalendarAttendee extends CalendarPerson {
  readonly attendance: 'required' | 'optional';
}

/** What the app asks to schedule. Times are ISO instants; they are shown in `timeZone`. */
export interface CalendarEvent {
  /**
   * The caller's own stable key (for example `meeting:<id>` or `pre-meeting:<id>`): scheduling
   * twice with one key gives one event. Graph gets it as `transactionId`.
   */
  readonly idempotencyKey: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  /** The only zone the product plans in; Graph is given its Windows name. */
  readonly timeZone: typeof OSLO_TIME_ZONE;
  /** Whose calendar the event lives in and who receives the answers. */
  readonly organiser: CalendarPerson;
  readonly attendees: readonly CalendarAttendee[];
  /** A room and address. */
  readonly location?: string;
  /** A Teams meeting is wanted. Graph creates one; the local adapter uses `joinUrl` if given. */
  readonly onlineMeeting: boolean;
  /** A join link the organiser already has. Left out with Graph, which makes its own. */
  readonly joinUrl?: string;
  /** Plain text: the notice with its agenda. */
  readonly body: string;
}

/** What may change after scheduling. The organiser, the key and the zone stay. */
export type CalendarEventChanges = Partial<
  Pick<CalendarEvent, 'title' | 'start' | 'end' | 'attendees' | 'location' | 'onlineMeeting' | 'joinUrl' | 'body'>
>;

export type ScheduledEventStatus = 'confirmed' | 'cancelled';

/** An event as the calendar holds it now. */
export interface ScheduledEvent {
  /** The calendar's id for the event: what `update`, `cancel` and `get` take. */
  readonly id: string;
  readonly idempotencyKey: string;
  /** 0 when scheduled, one more after each update or cancellation that changed something. */
  readonly sequence: number;
  readonly status: ScheduledEventStatus;
  /** The event as it stands after the latest change. */
  readonly event: CalendarEvent;
  /** The Teams join link, when there is one. */
  readonly joinUrl?: string;
  /**
   * A Teams meeting was asked for and the calendar made the event without one (Graph answers
   * 201 with no join link when the organiser mailbox cannot host Teams meetings).
   */
  readonly joinLinkMissing?: true;
  /** Where a person opens the event: the .ics file, or Outlook on the web. */
  readonly webLink: string;
  /** ISO instant of the latest change (the invitation's DTSTAMP). */
  readonly updated: string;
  readonly cancelled?: { readonly at: string; readonly reason?: string };
}

export interface Calendar {
  /**
   * True when the provider itself sends invitations, updates and cancellations to attendees
   * (Graph sends meeting requests); false when the caller must tell them (the local adapter:
   * the app sends cards with the event's `webLink`).
   */
  readonly notifiesAttendees: boolean;
  /** Idempotent: a second call with the same key returns the event the first one made, unchanged. */
  schedule(event: CalendarEvent): Promise<ScheduledEvent>;
  /**
   * Applies the changes and raises `sequence` by one; attendees are sent the new version.
   * Changes that change nothing return the event as it is (a retried update is harmless).
   * Fails with `CALENDAR.CONFLICT` on a cancelled event.
   */
  update(id: string, changes: CalendarEventChanges): Promise<ScheduledEvent>;
  /** Attendees are told. Cancelling a cancelled event returns it as it is. */
  cancel(id: string, reason?: string): Promise<ScheduledEvent>;
  get(id: string): Promise<ScheduledEvent>;
}

export type CalendarErrorCode =
  | 'CALENDAR.NOT_FOUND'
  /** The event is cancelled, or concurrent writers kept winning until the retries ran out. */
  | 'CALENDAR.CONFLICT'
  /** The provider or the store could not be reached, or refused for a reason not listed here. */
  | 'CALENDAR.UNAVAILABLE'
  /** The event breaks a rule below; the app validates first, so this is a bug or a bad change. */
  | 'CALENDAR.INVALID';

export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    readonly eventId: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(`${code} ${eventId}${options?.detail ? `: ${options.detail}` : ''}`, options);
    this.name = 'CalendarError';
  }
}

export const isCalendarError = (e: unknown, code?: CalendarErrorCode): e is CalendarError =>
  e instanceof CalendarError && (code === undefined || e.code === code);

const emailLike = (s: string): boolean => /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(s);
/** No control character (C0 and DEL: Unicode's Cc short of C1) in a name. */
const nameIsSafe = (s: string): boolean => !/(?![\u0080-\u009f])\p{Cc}/u.test(s);

/** The first rule the event breaks, as a short English detail for the error; undefined when none. */
export function calendarEventProblem(e: CalendarEvent): string | undefined {
  if (e.idempotencyKey.trim() === '') return 'idempotencyKey is empty';
  if (e.title.trim() === '') return 'title is empty';
  if (!isInstant(e.start) || !isInstant(e.end)) return 'start and end must be ISO instants with an offset';
  if (Date.parse(e.end) <= Date.parse(e.start)) return 'end is not after start';
  const zone: string = e.timeZone; // as text: an event read back from a store may name any zone
  if (zone !== OSLO_TIME_ZONE) return `timeZone must be ${OSLO_TIME_ZONE}`;
  const people = [e.organiser, ...e.attendees];
  if (!people.every((p) => emailLike(p.email))) return 'an e-mail address is not valid';
  if (!people.every((p) => nameIsSafe(p.name))) return 'a name holds control characters';
  if (e.joinUrl !== undefined && !/^https:\/\/\S+$/i.test(e.joinUrl)) return 'joinUrl is not an https address';
  return undefined;
}
