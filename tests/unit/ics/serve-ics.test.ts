import { describe, expect, it } from 'vitest';
import { CALENDAR_EVENTS_LIST } from '../../../src/adapters/ics/calendar-event-record';
import { IcsCalendar } from '../../../src/adapters/ics/ics-calendar.adapter';
import { icsFor } from '../../../src/adapters/ics/ics-render';
import { serveIcs } from '../../../src/adapters/ics/serve-ics';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { RecordStore } from '../../../src/ports/record-store';

const event = {
  idempotencyKey: 'pre-meeting:osu-3',
  title: 'Formøte',
  start: '2030-05-02T08:00:00Z',
  end: '2030-05-02T09:00:00Z',
  timeZone: 'Europe/Oslo' as const,
  organiser: { name: 'Sekretariatet', email: 'sek@example.no' },
  attendees: [],
  onlineMeeting: false,
  body: '',
};

describe('serveIcs', () => {
  it('answers 200 with the event as text/calendar, an attachment name and the record eTag', async () => {
    const store = new MemoryStore();
    const { id } = await new IcsCalendar({ store, baseUrl: 'https://x.example.no' }).schedule(event);
    const response = await serveIcs(store)(id);
    const record = await store.get<Parameters<typeof icsFor>[0]>(CALENDAR_EVENTS_LIST, id);
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({
      'Content-Type': 'text/calendar; charset=utf-8; method=REQUEST',
      'Content-Disposition': `attachment; filename="${id}.ics"`,
      'Cache-Control': 'no-cache',
      ETag: record?.etag,
    });
    expect(response.body).toBe(icsFor(record!.value));
    expect(response.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('answers 404 for an id it does not know', async () => {
    const response = await serveIcs(new MemoryStore())('ev-00000000000000000000000000000000');
    expect(response.status).toBe(404);
    expect(response.headers['Content-Type']).toMatch(/^text\/plain/);
  });

  it('answers 404 for a malformed id without asking the store', async () => {
    let asked = 0;
    const store = new MemoryStore();
    const counting: RecordStore = Object.assign(Object.create(store) as RecordStore, {
      get: async () => {
        asked++;
        return undefined;
      },
    });
    for (const bad of ['../secrets', 'ev-1', 'EV-00000000000000000000000000000000', '', 'ev-00000000000000000000000000000000.ics']) {
      expect((await serveIcs(counting)(bad)).status, bad).toBe(404);
    }
    expect(asked).toBe(0);
  });
});
