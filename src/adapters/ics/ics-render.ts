import type { CalendarAttendee, CalendarPerson, ScheduledEvent } from '../../ports/calendar';
import { contentLine, escapeText, icsDocument, paramValue, utcDateTime } from './ics-text';
import { osloDateTimeLine, osloVTimeZone } from './oslo-time-zone';

/*
 * One event as an iTIP message (RFC 5546) in an iCalendar object (RFC 5545): METHOD:REQUEST
 * for a new or changed event, METHOD:CANCEL with STATUS:CANCELLED when it is called off. The
 * UID stays and SEQUENCE rises, so a calendar that imported the first version replaces it.
 */

export interface IcsOptions {
  /** The right-hand side of the UID: a domain the product owns, so UIDs are globally unique. */
  readonly uidDomain?: string;
}

export const DEFAULT_UID_DOMAIN = 'samrad.invalid';
export const PRODUCT_ID = '-//Samrad//Samrad calendar 1.0//NB';

export type IcsMethod = 'REQUEST' | 'CANCEL';

export const icsMethod = (e: Pick<ScheduledEvent, 'status'>): IcsMethod =>
  e.status === 'cancelled' ? 'CANCEL' : 'REQUEST';

export const icsUid = (id: string, options: IcsOptions = {}): string =>
  `${id}@${options.uidDomain ?? DEFAULT_UID_DOMAIN}`;

const mailto = (p: CalendarPerson): string => `mailto:${p.email}`;

function organiserLine(p: CalendarPerson): string {
  return contentLine('ORGANIZER', mailto(p), p.name.trim() ? { CN: paramValue(p.name) } : {});
}

function attendeeLine(a: CalendarAttendee, cancelled: boolean): string {
  return contentLine('ATTENDEE', mailto(a), {
    ...(a.name.trim() ? { CN: paramValue(a.name) } : {}),
    CUTYPE: 'INDIVIDUAL',
    ROLE: a.attendance === 'required' ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT',
    PARTSTAT: 'NEEDS-ACTION',
    RSVP: cancelled ? 'FALSE' : 'TRUE',
  });
}

/** What the text needs: the event as stored, without the link it is served at. */
export type IcsSource = Omit<ScheduledEvent, 'webLink'>;

/** The .ics text for the event as it stands: pure, the same input gives the same bytes. */
export function icsFor(scheduled: IcsSource, options: IcsOptions = {}): string {
  const { event } = scheduled;
  const cancelled = scheduled.status === 'cancelled';
  const joinUrl = scheduled.joinUrl ?? event.joinUrl;
  const optional = (name: string, value: string | undefined, escape = true): string[] =>
    value === undefined || value.trim() === '' ? [] : [contentLine(name, escape ? escapeText(value) : value)];
  return icsDocument([
    'BEGIN:VCALENDAR',
    contentLine('VERSION', '2.0'),
    contentLine('PRODID', PRODUCT_ID),
    contentLine('CALSCALE', 'GREGORIAN'),
    contentLine('METHOD', icsMethod(scheduled)),
    ...osloVTimeZone,
    'BEGIN:VEVENT',
    contentLine('UID', icsUid(scheduled.id, options)),
    contentLine('SEQUENCE', String(scheduled.sequence)),
    contentLine('DTSTAMP', utcDateTime(scheduled.updated)),
    osloDateTimeLine('DTSTART', event.start),
    osloDateTimeLine('DTEND', event.end),
    contentLine('SUMMARY', escapeText(event.title)),
    // A cancellation carries what a calendar needs to remove the event (UID, SEQUENCE, times),
    // not the join link, the notes or who was called: the link may have been passed on.
    ...(cancelled ? [] : optional('DESCRIPTION', event.body)),
    ...optional('LOCATION', event.location),
    ...(cancelled ? [] : optional('URL', joinUrl, false)),
    ...(cancelled ? [] : optional('X-MICROSOFT-SKYPETEAMSMEETINGURL', joinUrl, false)),
    ...optional('COMMENT', cancelled ? scheduled.cancelled?.reason : undefined),
    contentLine('STATUS', cancelled ? 'CANCELLED' : 'CONFIRMED'),
    contentLine('TRANSP', 'OPAQUE'),
    organiserLine(event.organiser),
    ...(cancelled ? [] : event.attendees.map((a) => attendeeLine(a, cancelled))),
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}
