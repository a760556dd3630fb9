import type { RecordStore } from '../../ports/record-store';
import type { CalendarEventRecord } from './calendar-event-record';
import { CALENDAR_EVENTS_LIST, isEventId, translateStoreError } from './calendar-event-record';
import type { IcsOptions } from './ics-render';
import { icsFor, icsMethod } from './ics-render';

export interface IcsResponse {
  readonly status: 200 | 404;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const notFound: IcsResponse = {
  status: 404,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  body: 'Not found\n',
};

/**
 * The handler behind `GET /calendar/:id.ics` (the server wires it; `eventId` is the id without
 * `.ics`). Unknown and malformed ids are a 404 that says nothing more. A store failure is
 * thrown as `CALENDAR.UNAVAILABLE` with its cause, for the server's error handler to log and
 * answer 503. Calendars that subscribed re-read the file, so it is never cached for long.
 */
export function serveIcs(store: RecordStore, options: IcsOptions = {}): (eventId: string) => Promise<IcsResponse> {
  return async (eventId) => {
    if (!isEventId(eventId)) return notFound;
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
        'Cache-Control': 'no-cache',
        ETag: record.etag.startsWith('"') ? record.etag : `"${record.etag}"`,
      },
      body: icsFor(event, options),
    };
  };
}
