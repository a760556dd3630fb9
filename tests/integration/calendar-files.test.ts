import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IcsCalendar } from '../../src/adapters/ics/ics-calendar.adapter';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => bot.stop());

describe('the local calendar over HTTP', () => {
  it('serves a scheduled meeting as an .ics file, and 404 for anything else', async () => {
    const base = bot.url.replace('/api/messages', '');
    const calendar = new IcsCalendar({ store: bot.samrad.store, baseUrl: base });
    const event = await calendar.schedule({
      idempotencyKey: 'meeting:M4TQ2',
      title: 'Styremøte – handlingsplan 2027',
      start: '2026-12-10T09:00:00.000Z',
      end: '2026-12-10T11:00:00.000Z',
      timeZone: 'Europe/Oslo',
      organiser: { name: 'Ingrid Haugen', email: 'ingrid.haugen@baerum.kommune.no' },
      attendees: [{ name: 'Ola Berg', email: 'ola.berg@ringerike.kommune.no', attendance: 'required' }],
      onlineMeeting: true,
      body: 'Saksliste: sak 1/2026, sak 2/2026',
    });
    const res = await fetch(`${base}/calendar/${event.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await res.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;TZID=Europe/Oslo:20261210T100000');
    expect(ics).toContain('Styremøte – handlingsplan 2027');
    expect((await fetch(`${base}/calendar/ev-nope.ics`)).status).toBe(404);
    expect((await fetch(`${base}/calendar/${event.id}.txt`)).status).toBe(404);
  });
});
