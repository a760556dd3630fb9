import { SignedLinks } from '../../app/exports/signed-links';
import type { Calendar, CalendarEvent, CalendarEventChanges, ScheduledEvent } from '../../ports/calendar';
import { CalendarError } from '../../ports/calendar';
import type { Clock } from '../../ports/clock';
import { systemClock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError, upsert } from '../../ports/record-store';
import type { CalendarEventRecord } from './calendar-event-record';
import { CALENDAR_EVENTS_LIST, calendarLinkExpiry, icsPath } from './calendar-event-record';
import {
  defined,
  eventIdFor,
  invalidIfBroken,
  normaliseEvent,
  sameEvent,
  translateStoreError,
} from '../../ports/calendar-events';

export interface IcsCalendarOptions {
  readonly store: RecordStore;
  /**
   * The bot server's public address; event links are `<baseUrl>/calendar/<id>.ics`. A function
   * when the address is known only once the server listens (a local run on a free port).
   */
  readonly baseUrl: string | (() => string);
  /**
   * Signs the event links (the server checks them with the same instance, see `serveIcs`).
   * Without it the calendar signs with a secret of its own that nothing else can check: for
   * tests of the calendar alone.
   */
  readonly links?: SignedLinks;
  readonly clock?: Clock;
  /** Read-modify-write rounds before concurrent writers are reported as `CALENDAR.CONFLICT`. */
  readonly attempts?: number;
}

/**
 * The local calendar: events live in the store (list `calendarEvents`) and each is served as
 * an .ics file by the bot's server (see `serveIcs`). It sends nothing itself; the app tells
 * attendees with cards that carry the link, so `notifiesAttendees` is false.
 */
export class IcsCalendar implements Calendar {
  readonly notifiesAttendees = false;
  private readonly store: RecordStore;
  private readonly links: SignedLinks;
  private readonly clock: Clock;
  private readonly attempts: number;

  constructor(options: IcsCalendarOptions) {
    this.store = options.store;
    const base = options.baseUrl;
    this.links = options.links ?? new SignedLinks(() => (typeof base === 'string' ? base : base()));
    this.clock = options.clock ?? systemClock;
    this.attempts = options.attempts ?? 25;
  }

  async schedule(input: CalendarEvent): Promise<ScheduledEvent> {
    const id = eventIdFor(input.idempotencyKey);
    const event = normaliseEvent(input);
    invalidIfBroken(id, event);
    const record: CalendarEventRecord = {
      id,
      idempotencyKey: event.idempotencyKey,
      sequence: 0,
      status: 'confirmed',
      event,
      ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}),
      updated: this.clock.now().toISOString(),
    };
    try {
      return this.withLink((await this.store.create(CALENDAR_EVENTS_LIST, id, record)).value);
    } catch (e) {
      // A retry (or a racing twin) with the same key: the first one's event is the event.
      if (isStoreError(e, 'STORE.ALREADY_EXISTS')) return this.get(id);
      throw translateStoreError(id, e);
    }
  }

  async update(id: string, changes: CalendarEventChanges): Promise<ScheduledEvent> {
    return this.change(id, (current) => {
      if (current.status === 'cancelled') {
        throw new CalendarError('CALENDAR.CONFLICT', id, { detail: 'the event is cancelled' });
      }
      const event = normaliseEvent({ ...current.event, ...defined(changes) });
      invalidIfBroken(id, event);
      if (sameEvent(event, current.event)) return undefined;
      const { joinUrl: _previous, ...rest } = current;
      return {
        ...rest,
        event,
        ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}),
        sequence: current.sequence + 1,
        updated: this.clock.now().toISOString(),
      };
    });
  }

  async cancel(id: string, reason?: string): Promise<ScheduledEvent> {
    return this.change(id, (current) => {
      if (current.status === 'cancelled') return undefined;
      const at = this.clock.now().toISOString();
      const why = reason?.trim();
      return {
        ...current,
        status: 'cancelled',
        sequence: current.sequence + 1,
        updated: at,
        cancelled: { at, ...(why ? { reason: why } : {}) },
      };
    });
  }

  async get(id: string): Promise<ScheduledEvent> {
    const record = await this.store.get<CalendarEventRecord>(CALENDAR_EVENTS_LIST, id).catch((e: unknown) => {
      throw translateStoreError(id, e);
    });
    if (!record) throw new CalendarError('CALENDAR.NOT_FOUND', id);
    return this.withLink(record.value);
  }

  /** eTag-guarded read-modify-write: a concurrent change is re-read and the change reapplied. */
  private async change(
    id: string,
    apply: (current: CalendarEventRecord) => CalendarEventRecord | undefined,
  ): Promise<ScheduledEvent> {
    try {
      const saved = await upsert<CalendarEventRecord>(
        this.store,
        CALENDAR_EVENTS_LIST,
        id,
        (current) => {
          if (!current) throw new CalendarError('CALENDAR.NOT_FOUND', id);
          return apply(current);
        },
        this.attempts,
      );
      if (!saved) throw new CalendarError('CALENDAR.NOT_FOUND', id);
      return this.withLink(saved.value);
    } catch (e) {
      throw translateStoreError(id, e);
    }
  }

  /** The .ics file behind a signed link that lasts until some days after the event ends. */
  private withLink(record: CalendarEventRecord): ScheduledEvent {
    return { ...record, webLink: this.links.linkUntil(icsPath(record.id), calendarLinkExpiry(record.event)) };
  }
}
