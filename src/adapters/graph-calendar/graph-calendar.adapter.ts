import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event as GraphEvent } from '@microsoft/microsoft-graph-types';
import type { Calendar, CalendarEvent, CalendarEventChanges, ScheduledEvent } from '../../ports/calendar';
import { CalendarError } from '../../ports/calendar';
import type { Clock } from '../../ports/clock';
import { systemClock } from '../../ports/clock';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import {
  defined,
  eventIdFor,
  invalidIfBroken,
  normaliseEvent,
  sameEvent,
  translateStoreError,
} from '../../ports/calendar-events';
import { graphEventFor, graphPatchFor, joinUrlOf } from './graph-event-mapping';
import type { GraphEventRecord } from './graph-event-record';
import { GRAPH_EVENTS_LIST, isGraphStatus, scheduledEvent, translateGraphError } from './graph-event-record';

export interface GraphCalendarOptions {
  /** A Graph client (auth, retries and throttling are its business). */
  readonly client: Client;
  /** The organiser mailbox (UPN or object id): events live there; group calendars refuse app permissions. */
  readonly organiser: string;
  /** Where the adapter keeps what Graph does not: sequence, status, cancellation. */
  readonly store: RecordStore;
  readonly clock?: Clock;
  /** Read-modify-write rounds before concurrent writers are reported as `CALENDAR.CONFLICT`. */
  readonly attempts?: number;
}

/**
 * The calendar in Outlook and Teams: each event is a Teams meeting in the organiser's mailbox,
 * and Exchange sends the invitation, each update and the cancellation, so `notifiesAttendees`
 * is true. Graph first, record after: a crash between the two is repaired by the retry
 * (transactionId makes the create one event; a PATCH or a second cancel changes nothing).
 */
export class GraphCalendar implements Calendar {
  readonly notifiesAttendees = true;
  private readonly events: string;
  private readonly attempts: number;
  private readonly clock: Clock;

  constructor(private readonly options: GraphCalendarOptions) {
    this.events = `/users/${encodeURIComponent(options.organiser)}/events`;
    this.attempts = options.attempts ?? 25;
    this.clock = options.clock ?? systemClock;
  }

  async schedule(input: CalendarEvent): Promise<ScheduledEvent> {
    const id = eventIdFor(input.idempotencyKey);
    const event = normaliseEvent(input);
    invalidIfBroken(id, event);
    const known = await this.read(id);
    if (known) return scheduledEvent(known.value);
    const created = await this.graph<GraphEvent>(id, () =>
      this.options.client.api(this.events).post(graphEventFor(event)),
    );
    if (!created.id)
      throw new CalendarError('CALENDAR.UNAVAILABLE', id, { detail: 'Graph answered without an event id' });
    const joinUrl = joinUrlOf(created) ?? event.joinUrl;
    const record: GraphEventRecord = {
      id,
      graphId: created.id,
      idempotencyKey: event.idempotencyKey,
      sequence: 0,
      status: 'confirmed',
      event,
      ...(joinUrl ? { joinUrl } : {}),
      ...missingLink(event.onlineMeeting, joinUrl),
      webLink: created.webLink ?? '',
      updated: this.clock.now().toISOString(),
    };
    try {
      return scheduledEvent((await this.options.store.create(GRAPH_EVENTS_LIST, id, record)).value);
    } catch (e) {
      // A racing twin wrote first; transactionId made its Graph event the same one.
      if (isStoreError(e, 'STORE.ALREADY_EXISTS')) return this.get(id);
      throw translateStoreError(id, e);
    }
  }

  async update(id: string, changes: CalendarEventChanges): Promise<ScheduledEvent> {
    // What this call already PATCHed, so a round repeated after a lost eTag race does not send it again.
    const sent = new Map<string, string>();
    let answer: GraphEvent | undefined;
    for (let attempt = 1; ; attempt++) {
      const current = await this.existing(id);
      if (current.value.status === 'cancelled')
        throw new CalendarError('CALENDAR.CONFLICT', id, { detail: 'the event is cancelled' });
      const event = normaliseEvent({ ...current.value.event, ...defined(changes) });
      invalidIfBroken(id, event);
      if (sameEvent(event, current.value.event)) return scheduledEvent(current.value);
      const patch = Object.fromEntries(
        Object.entries(graphPatchFor(current.value.event, event)).filter(([k, v]) => sent.get(k) !== JSON.stringify(v)),
      );
      if (Object.keys(patch).length > 0) {
        answer = await this.graph<GraphEvent>(id, () =>
          this.options.client.api(`${this.events}/${encodeURIComponent(current.value.graphId)}`).patch(patch),
        ).catch(async (e: unknown) => {
          // Lost to a cancel: Graph no longer has the event where PATCH looks.
          if ((await this.read(id))?.value.status === 'cancelled')
            throw new CalendarError('CALENDAR.CONFLICT', id, { cause: e, detail: 'the event is cancelled' });
          throw e;
        });
        for (const [k, v] of Object.entries(patch)) sent.set(k, JSON.stringify(v));
      }
      const joinUrl = (event.onlineMeeting ? (joinUrlOf(answer) ?? current.value.joinUrl) : undefined) ?? event.joinUrl;
      const { joinUrl: _previous, joinLinkMissing: _missing, ...rest } = current.value;
      const next: GraphEventRecord = {
        ...rest,
        event,
        ...(joinUrl ? { joinUrl } : {}),
        ...missingLink(event.onlineMeeting, joinUrl),
        sequence: current.value.sequence + 1,
        updated: this.clock.now().toISOString(),
      };
      const saved = await this.replace(id, next, current.etag, attempt);
      if (saved) return scheduledEvent(saved.value);
    }
  }

  async cancel(id: string, reason?: string): Promise<ScheduledEvent> {
    const why = reason?.trim();
    let told = false;
    for (let attempt = 1; ; attempt++) {
      const current = await this.existing(id);
      if (current.value.status === 'cancelled') return scheduledEvent(current.value);
      if (!told) {
        await this.graph(id, () =>
          this.options.client
            .api(`${this.events}/${encodeURIComponent(current.value.graphId)}/cancel`)
            .post(why ? { comment: why } : {}),
        ).catch((e: unknown) => {
          // Already cancelled by an earlier try that died before its record was written (or deleted in Outlook).
          if (!isGraphStatus(e, 404)) throw translateGraphError(id, e);
        });
        told = true;
      }
      const at = this.clock.now().toISOString();
      const next: GraphEventRecord = {
        ...current.value,
        status: 'cancelled',
        sequence: current.value.sequence + 1,
        updated: at,
        cancelled: { at, ...(why ? { reason: why } : {}) },
      };
      const saved = await this.replace(id, next, current.etag, attempt);
      if (saved) return scheduledEvent(saved.value);
    }
  }

  /** From the record: after a cancel Graph's copy is in Deleted Items, and the sequence is ours. */
  async get(id: string): Promise<ScheduledEvent> {
    return scheduledEvent((await this.existing(id)).value);
  }

  private async read(id: string): Promise<StoredRecord<GraphEventRecord> | undefined> {
    return this.options.store.get<GraphEventRecord>(GRAPH_EVENTS_LIST, id).catch((e: unknown) => {
      throw translateStoreError(id, e);
    });
  }

  private async existing(id: string): Promise<StoredRecord<GraphEventRecord>> {
    const record = await this.read(id);
    if (!record) throw new CalendarError('CALENDAR.NOT_FOUND', id);
    return record;
  }

  /** The eTag-guarded write; undefined when another writer won and the caller should go round again. */
  private async replace(
    id: string,
    next: GraphEventRecord,
    etag: string,
    attempt: number,
  ): Promise<StoredRecord<GraphEventRecord> | undefined> {
    try {
      return await this.options.store.replace(GRAPH_EVENTS_LIST, id, next, etag);
    } catch (e) {
      if (isStoreError(e, 'STORE.PRECONDITION_FAILED') && attempt < this.attempts) return undefined;
      throw translateStoreError(id, e);
    }
  }

  private async graph<T>(id: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      throw translateGraphError(id, e);
    }
  }
}

/**
 * Graph creates the event with 201 even when the organiser mailbox cannot host Teams meetings,
 * only without a join link: the record says so, for the app to tell the coordinator.
 */
const missingLink = (online: boolean, joinUrl: string | undefined): { joinLinkMissing?: true } =>
  online && !joinUrl ? { joinLinkMissing: true } : {};
