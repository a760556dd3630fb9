import { describe, expect, it } from 'vitest';
import { CALENDAR_EVENTS_LIST, icsPath } from '../../../src/adapters/ics/calendar-event-record';
import { IcsCalendar } from '../../../src/adapters/ics/ics-calendar.adapter';
import { icsFor } from '../../../src/adapters/ics/ics-render';
import { serveIcs } from '../../../src/adapters/ics/serve-ics';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { SignedLinks } from '../../../src/app/exports/signed-links';
import type { RecordStore } from '../../../src/ports/record-store';

const event = {
  idempotencyKey: 'pre-meeting:osu-3',
  title: 'Formøte',
  start: '2030-05-02T08:00:00Z',
  end: '2030-05-02T09:00:00Z',
  timeZone: 'Europe/Oslo' as const,
  organiser: { name: 'Sekretariatet', email: 'sek@example.no' },
  attendees: [{ name: 'Ola Berg', email: 'ola.berg@ringerike.kommune.no', attendance: 'required' as const }],
  onlineMeeting: false,
  body: '',
};
const DAY = 24 * 60 * 60_000;

function setUp(store: RecordStore = new MemoryStore()) {
  let now = Date.parse('2030-04-01T08:00:00Z');
  const clock = { now: () => new Date(now) };
  const links = new SignedLinks(() => 'https://x.example.no', 'a-test-secret-of-at-least-thirty-two-characters');
  const calendar = new IcsCalendar({ store, baseUrl: 'https://x.example.no', clock, links });
  const serve = serveIcs(store, { links, clock });
  /** What the server sees of a link: the id without `.ics`, and the query. */
  const request = (url: string) => {
    const u = new URL(url);
    return serve(u.pathname.replace(/^\/calendar\//, '').replace(/\.ics$/, ''), Object.fromEntries(u.searchParams));
  };
  return { store, calendar, serve, request, links, at: (iso: string) => (now = Date.parse(iso)) };
}

describe('serveIcs', () => {
  it('answers 200 through the signed link with the event as text/calendar, an attachment name, no caching and the record eTag', async () => {
    const { store, calendar, request } = setUp();
    const scheduled = await calendar.schedule(event);
    const response = await request(scheduled.webLink);
    const record = await store.get<Parameters<typeof icsFor>[0]>(CALENDAR_EVENTS_LIST, scheduled.id);
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({
      'Content-Type': 'text/calendar; charset=utf-8; method=REQUEST',
      'Content-Disposition': `attachment; filename="${scheduled.id}.ics"`,
      'Cache-Control': 'private, no-store',
      ETag: record?.etag,
    });
    expect(response.body).toBe(icsFor(record!.value));
    expect(response.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it("answers 404 to the bare id, a guessed signature, a changed expiry or another event's signature: nothing about the event", async () => {
    const { calendar, serve, request } = setUp();
    const scheduled = await calendar.schedule(event);
    const other = await calendar.schedule({ ...event, idempotencyKey: 'meeting:osu-3' });
    const { expires, sig } = Object.fromEntries(new URL(scheduled.webLink).searchParams) as {
      expires: string;
      sig: string;
    };
    const answers = [
      await serve(scheduled.id),
      await serve(scheduled.id, { expires }),
      await serve(scheduled.id, { expires, sig: 'A'.repeat(43) }),
      await serve(scheduled.id, { expires: String(Number(expires) + DAY), sig }),
      await request(other.webLink.replace(other.id, scheduled.id)),
    ];
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.body).toBe('Not found\n');
      expect(a.body).not.toContain('ola.berg');
    }
  });

  it('keeps the link working until 14 days after the event ends, then answers 403 that it has expired', async () => {
    const { calendar, request, at } = setUp();
    const { webLink } = await calendar.schedule(event);
    at('2030-05-16T08:59:00Z');
    expect((await request(webLink)).status).toBe(200);
    at('2030-05-16T09:00:01Z');
    const late = await request(webLink);
    expect(late.status).toBe(403);
    expect(late.body).toBe('This calendar link has expired.\n');
  });

  it('serves the cancellation to a link it signed, so a calendar that imported the event removes it', async () => {
    const { calendar, request } = setUp();
    const { id, webLink } = await calendar.schedule(event);
    const cancelled = await calendar.cancel(id, 'Avlyst');
    expect(cancelled.webLink).toBe(webLink);
    const response = await request(webLink);
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(response.body).toContain('STATUS:CANCELLED');
  });

  it('gives a moved event a link that lasts until the new end', async () => {
    const { calendar, request, at } = setUp();
    const { id, webLink } = await calendar.schedule(event);
    const moved = await calendar.update(id, { start: '2030-06-02T08:00:00Z', end: '2030-06-02T09:00:00Z' });
    expect(moved.webLink).not.toBe(webLink);
    at('2030-06-10T08:00:00Z');
    expect((await request(webLink)).status).toBe(403);
    expect((await request(moved.webLink)).status).toBe(200);
  });

  it('answers 404 for a signed id it does not know', async () => {
    const { links, request } = setUp();
    const response = await request(
      links.linkUntil(icsPath('ev-00000000000000000000000000000000'), new Date('2031-01-01T00:00:00Z')),
    );
    expect(response.status).toBe(404);
    expect(response.headers['Content-Type']).toMatch(/^text\/plain/);
  });

  it('answers 404 for a malformed id or a forged link without asking the store', async () => {
    let asked = 0;
    const store = new MemoryStore();
    const counting: RecordStore = Object.assign(Object.create(store) as RecordStore, {
      get: async () => {
        asked++;
        return undefined;
      },
    });
    const { serve } = setUp(counting);
    for (const bad of [
      '../secrets',
      'ev-1',
      'EV-00000000000000000000000000000000',
      '',
      'ev-00000000000000000000000000000000.ics',
      'ev-00000000000000000000000000000000',
    ]) {
      expect((await serve(bad, { expires: '1999999999999', sig: 'x' })).status, bad).toBe(404);
    }
    expect(asked).toBe(0);
  });

  it("says so in the server's language when texts are given", async () => {
    const store = new MemoryStore();
    const links = new SignedLinks(() => 'https://x.example.no', 'a-test-secret-of-at-least-thirty-two-characters');
    const serve = serveIcs(store, {
      links,
      clock: { now: () => new Date() },
      texts: { notFound: 'Fant ikke filen.', expired: 'Lenken er utløpt.' },
    });
    expect((await serve('ev-1')).body).toBe('Fant ikke filen.\n');
  });
});
