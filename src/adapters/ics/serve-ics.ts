import type { SignedLinks } from '../../app/exports/signed-links';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { CalendarEventRecord } from './calendar-event-record';
import { CALENDAR_EVENTS_LIST, icsPath, isEventId } from './calendar-event-record';
import { translateStoreError } from '../../ports/calendar-events';
import type { IcsOptions } from './ics-render';
import { icsFor, icsMethod } from './ics-render';

export interface IcsResponse {
  readonly status: 200 | 403 | 404;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface ServeIcsOptions extends IcsOptions {
  /** The same instance the calendar signs its links with. */
  readonly links: SignedLinks;
  readonly clock: Clock;
  /** Short texts for a person who follows a dead link, in the server's language. */
  readonly texts?: { readonly notFound: string; readonly expired: string };
}

const plain = (status: 403 | 404, body: string): IcsResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  body: `${body}\n`,
});

/**
 * The handler behind `GET /calendar/:id.ics?expires=…&sig=…` (the server wires it; `eventId`
 * is the id without `.ics`). The file names every attendee's address and the join link, so it
 * is served only to a link the calendar signed. A malformed id, a missing or forged signature
 * and an unknown event are one 404 that says nothing more (a guessed id learns nothing); a
 * genuine link past its expiry is a 403 that says so. A cancelled event is still served, as
 * METHOD:CANCEL, so a calendar that imported or subscribed to it removes it. A store failure
 * is thrown as `CALENDAR.UNAVAILABLE` with its cause, for the server to answer 503.
 */
export function serveIcs(
  store: RecordStore,
  options: ServeIcsOptions,
): (eventId: string, query?: Readonly<Record<string, string>>) => Promise<IcsResponse> {
  const texts = options.texts ?? { notFound: 'Not found', expired: 'This calendar link has expired.' };
  const notFound = plain(404, texts.notFound);
  return async (eventId, query = {}) => {
    if (!isEventId(eventId)) return notFound;
    const check = options.links.check(icsPath(eventId), query.expires, query.sig, options.clock.now());
    if (check === 'invalid') return notFound;
    if (check === 'expired') return plain(403, texts.expired);
    const record = await store.get<CalendarEventRecord>(CALENDAR_EVENTS_LIST, eventId).catch((e: unknown) => {
      throw translateStoreError(eventId, e);
    });
    if (!record) return notFound;
    const event = record.value;
    return {
      status: 200,
      headers: {
        'Content-Type': `text/calendar; charset=utf-8; method=${icsMethod(event)}`,
        'Content-Disposition': `attachment; filename="${eventId}.ics"`,
        // Personal data: no shared cache keeps it. Calendars that subscribed re-read the file.
        'Cache-Control': 'private, no-store',
        ETag: record.etag.startsWith('"') ? record.etag : `"${record.etag}"`,
      },
      body: icsFor(event, options),
    };
  };
}
