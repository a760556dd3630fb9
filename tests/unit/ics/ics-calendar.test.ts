import { describe, expect, it } from 'vitest';
import { CALENDAR_EVENTS_LIST, calendarLinkExpiry, icsPath } from '../../../src/adapters/ics/calendar-event-record';
import { eventIdFor } from '../../../src/ports/calendar-events';
import { IcsCalendar } from '../../../src/adapters/ics/ics-calendar.adapter';
import { serveIcs } from '../../../src/adapters/ics/serve-ics';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { SignedLinks } from '../../../src/app/exports/signed-links';
import type { CalendarEvent } from '../../../src/ports/calendar';
import { isCalendarError } from '../../../src/ports/calendar';
import type { RecordStore } from '../../../src/ports/record-store';
import { StoreError } from '../../../src/ports/record-store';
import { component, prop, readIcs } from './ics-reader';

const meeting = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  idempotencyKey: 'meeting:osu-3-2026',
  title: 'OSU møte 3/2026',
  // The last Sunday of October: winter time from 03:00, so 10:00 in Oslo is 09:00 UTC.
  start: '2026-10-25T09:00:00Z',
  end: '2026-10-25T11:00:00Z',
  timeZone: 'Europe/Oslo',
  organiser: { name: 'Sekretariatet', email: 'Sekretariat@Samhandling.example.no' },
  attendees: [{ name: 'Åse Ødegård', email: 'ase@grimstad.example.no', attendance: 'required' }],
  location: 'Rådhuset',
  onlineMeeting: false,
  body: 'Sak 5/2026 Godkjenning av protokoll',
  ...over,
});

function setUp(store: RecordStore = new MemoryStore(), attempts?: number) {
  let now = Date.parse('2026-09-01T08:00:00Z');
  const clock = { now: () => new Date(now) };
  const links = new SignedLinks(() => 'https://samrad.example.no/', 'a-test-secret-of-at-least-thirty-two-characters');
  const calendar = new IcsCalendar({
    store,
    baseUrl: 'https://samrad.example.no/',
    clock,
    links,
    ...(attempts ? { attempts } : {}),
  });
  const later = (minutes: number) => (now += minutes * 60_000);
  const served = serveIcs(store, { uidDomain: 'samrad.example.no', links, clock });
  // The file as a calendar fetches it: through the signed link the invitation carries.
  const serve = (id: string) =>
    served(id, Object.fromEntries(new URL(links.linkUntil(icsPath(id), calendarLinkExpiry(meeting()))).searchParams));
  return { store, calendar, later, serve };
}

const eventOf = (body: string) => component(readIcs(body), 'VEVENT');
const field = (body: string, name: string) => prop(eventOf(body), name)?.value;

describe('IcsCalendar', () => {
  it('keeps each event in the calendarEvents list under an id made from its key, and links its .ics', async () => {
    const { calendar, store } = setUp();
    const scheduled = await calendar.schedule(meeting());
    expect(scheduled.id).toBe(eventIdFor('meeting:osu-3-2026'));
    expect(scheduled.id).toMatch(/^ev-[0-9a-f]{32}$/);
    expect(scheduled.webLink).toMatch(
      new RegExp(`^https://samrad\\.example\\.no/calendar/${scheduled.id}\\.ics\\?expires=\\d+&sig=[\\w-]{43}$`),
    );
    expect(calendar.notifiesAttendees).toBe(false);
    const found = await store.find(CALENDAR_EVENTS_LIST, { idempotencyKey: 'meeting:osu-3-2026' });
    expect(found.map((r) => r.id)).toEqual([scheduled.id]);
    expect(scheduled.event.organiser.email).toBe('sekretariat@samhandling.example.no');
  });

  it('serves REQUEST, then REQUEST with SEQUENCE 1 after a move, then CANCEL with SEQUENCE 2', async () => {
    const { calendar, serve, later } = setUp();
    const { id } = await calendar.schedule(meeting());
    const first = await serve(id);
    expect(first.status).toBe(200);
    expect(first.headers['Content-Type']).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(field(first.body, 'SEQUENCE')).toBe('0');
    expect(field(first.body, 'DTSTART')).toBe('20261025T100000');
    expect(field(first.body, 'UID')).toBe(`${id}@samrad.example.no`);

    later(60);
    await calendar.update(id, { start: '2026-10-25T10:00:00Z', end: '2026-10-25T12:00:00Z' });
    const moved = await serve(id);
    expect(prop(readIcs(moved.body), 'METHOD')?.value).toBe('REQUEST');
    expect([field(moved.body, 'SEQUENCE'), field(moved.body, 'DTSTART'), field(moved.body, 'DTSTAMP')]).toEqual([
      '1',
      '20261025T110000',
      '20260901T090000Z',
    ]);

    later(60);
    await calendar.cancel(id, 'Avlyst');
    const cancelled = await serve(id);
    expect(cancelled.headers['Content-Type']).toContain('method=CANCEL');
    expect(prop(readIcs(cancelled.body), 'METHOD')?.value).toBe('CANCEL');
    expect([field(cancelled.body, 'SEQUENCE'), field(cancelled.body, 'STATUS'), field(cancelled.body, 'UID')]).toEqual([
      '2',
      'CANCELLED',
      `${id}@samrad.example.no`,
    ]);
    expect(cancelled.headers.ETag).not.toBe(moved.headers.ETag);
  });

  it('writes every change with the eTag it read', async () => {
    const inner = new MemoryStore();
    const seen: { ifMatch: string; current: string | undefined }[] = [];
    const spy: RecordStore = Object.assign(Object.create(inner) as RecordStore, {
      replace: async <T>(list: string, id: string, value: T, ifMatch: string) => {
        seen.push({ ifMatch, current: (await inner.get(list, id))?.etag });
        return inner.replace(list, id, value, ifMatch);
      },
    });
    const { calendar } = setUp(spy);
    const { id } = await calendar.schedule(meeting());
    await calendar.update(id, { title: 'Endret' });
    await calendar.cancel(id);
    expect(seen).toHaveLength(2);
    expect(seen.every((s) => s.ifMatch === s.current)).toBe(true);
  });

  it('reports writers that keep losing as CALENDAR.CONFLICT after the set number of rounds, with the cause', async () => {
    const inner = new MemoryStore();
    let replaces = 0;
    const losing: RecordStore = Object.assign(Object.create(inner) as RecordStore, {
      replace: async (list: string, id: string) => {
        replaces++;
        throw new StoreError('STORE.PRECONDITION_FAILED', list, id);
      },
    });
    const { calendar } = setUp(losing, 3);
    const { id } = await calendar.schedule(meeting());
    const error = await calendar.update(id, { title: 'Endret' }).catch((e: unknown) => e);
    expect(isCalendarError(error, 'CALENDAR.CONFLICT')).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(StoreError);
    expect(replaces).toBe(3);
  });

  it('reports a store that cannot be reached as CALENDAR.UNAVAILABLE, keeping the cause', async () => {
    const inner = new MemoryStore();
    const down: RecordStore = Object.assign(Object.create(inner) as RecordStore, {
      get: async (list: string, id: string) => {
        throw new StoreError('STORE.UNAVAILABLE', list, id);
      },
      create: async (list: string, id: string) => {
        throw new StoreError('STORE.UNAVAILABLE', list, id);
      },
    });
    const { calendar, serve } = setUp(down);
    for (const attempt of [
      calendar.schedule(meeting()),
      calendar.get('ev-1'),
      calendar.cancel('ev-1'),
      serve(eventIdFor('x')),
    ]) {
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isCalendarError(error, 'CALENDAR.UNAVAILABLE'), String(error)).toBe(true);
      expect((error as Error).cause).toBeInstanceOf(StoreError);
    }
  });

  it('an empty location in an update removes the place; undefined leaves it', async () => {
    const { calendar } = setUp();
    const { id } = await calendar.schedule(meeting());
    expect((await calendar.update(id, { location: undefined, title: 'A' })).event.location).toBe('Rådhuset');
    const moved = await calendar.update(id, {
      location: '',
      onlineMeeting: true,
      joinUrl: 'https://teams.microsoft.com/l/x',
    });
    expect(moved.event.location).toBeUndefined();
    expect(moved.joinUrl).toBe('https://teams.microsoft.com/l/x');
  });
});
