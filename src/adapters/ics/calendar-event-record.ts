import type { CalendarEvent, ScheduledEvent } from '../../ports/calendar';

/** The list the local calendar keeps its events in: one record per event, id from the key. */
export const CALENDAR_EVENTS_LIST = 'calendarEvents';

/** A scheduled event as stored; the link is derived from the server's address when read. */
export type CalendarEventRecord = Omit<ScheduledEvent, 'webLink'>;

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
