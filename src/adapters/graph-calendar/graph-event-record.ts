import type { GraphError } from '@microsoft/microsoft-graph-client';
import type { ScheduledEvent } from '../../ports/calendar';
import { CalendarError } from '../../ports/calendar';

/**
 * What the Graph calendar keeps per event in the store (list `graphCalendarEvents`, id from the
 * idempotency key as for the local calendar). Graph keeps no sequence number an app can read,
 * and `/cancel` moves the event to Deleted Items where `/events/{id}` no longer finds it, so
 * the record is where the sequence, the status and the reason live; Graph holds the invitation.
 */
export const GRAPH_EVENTS_LIST = 'graphCalendarEvents';

export interface GraphEventRecord extends ScheduledEvent {
  /** The event's id in the organiser's mailbox. */
  readonly graphId: string;
}

/** The port's view of a record: Graph's id stays inside the adapter. */
export function scheduledEvent(record: GraphEventRecord): ScheduledEvent {
  const { graphId: _graphId, ...event } = record;
  return event;
}

const statusOf = (e: unknown): number | undefined => {
  const status = (e as Partial<GraphError> | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
};

export const isGraphStatus = (e: unknown, status: number): boolean => statusOf(e) === status;

/**
 * Graph failures in the port's words, cause kept: 404 unknown, 400 refused as invalid, 409/412
 * a conflict, anything else (429 or 5xx after the client's capped retries, network) unavailable.
 */
export function translateGraphError(id: string, e: unknown): CalendarError {
  if (e instanceof CalendarError) return e;
  const status = statusOf(e);
  if (status === 404) return new CalendarError('CALENDAR.NOT_FOUND', id, { cause: e });
  if (status === 400) return new CalendarError('CALENDAR.INVALID', id, { cause: e, detail: 'Graph refused the event' });
  if (status === 409 || status === 412) return new CalendarError('CALENDAR.CONFLICT', id, { cause: e });
  return new CalendarError('CALENDAR.UNAVAILABLE', id, {
    cause: e,
    ...(status ? { detail: `Graph answered ${status}` } : {}),
  });
}
