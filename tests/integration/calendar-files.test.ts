import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IcsCalendar } from '../../src/adapters/ics/ics-calendar.adapter';
import { SignedLinks } from '../../src/app/exports/signed-links';
import { installation, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/*
 * The local calendar's .ics files over HTTP. They name every attendee's address and carry
 * the Teams join link, so they are served only through the signed link in the invitation.
 */
const SECRET = 'an-integration-secret-of-at-least-32-chars';
let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let base = '';

beforeAll(async () => {
  bot = await startBot({ linkSecret: SECRET }, { clock: { now: () => now }, timer: idleTimer });
  base = bot.url.replace('/api/messages', '');
  for (const p of [people.coordinator, people.boardMember]) await bot.post(installation(bot.connector.url, p));
});
afterAll(async () => bot.stop());

const { say, press } = chatWith(() => bot);
const runJobs = async () => {
  for (let i = 0; i < 3; i++) await bot.samrad.jobs.runDue(now);
};
/** The .ics link in the last card sent to this person. */
const icsLinkFor = (person: Person): string => {
  const sent = bot.connector.sent
    .filter((s) => s.conversationId === `a:personal-${person.id}`)
    .map((s) => JSON.stringify(s.activity));
  const found = /https?:\/\/[^"\s]+\/calendar\/ev-[0-9a-f]{32}\.ics\?expires=\d+&sig=[\w-]+/.exec(sent.at(-1) ?? '');
  if (!found) throw new Error(`no calendar link sent to ${person.name}`);
  return found[0];
};

/** What a security reviewer expects on any personal file, whatever the status. */
function expectFileHeaders(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; frame-ancestors 'none'/);
}

describe('the local calendar over HTTP', () => {
  it('serves a scheduled meeting through its signed link, with the security headers, and 404 for anything else', async () => {
    const calendar = new IcsCalendar({
      store: bot.samrad.store,
      baseUrl: base,
      links: new SignedLinks(() => base, SECRET),
    });
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
    const res = await fetch(event.webLink);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${event.id}.ics"; filename*=UTF-8''${event.id}.ics`,
    );
    expectFileHeaders(res);
    const ics = await res.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;TZID=Europe/Oslo:20261210T100000');
    expect(ics).toContain('Styremøte – handlingsplan 2027');
    const bare = await fetch(`${base}/calendar/${event.id}.ics`);
    expect(bare.status).toBe(404);
    expectFileHeaders(bare);
    expect(await bare.text()).not.toContain('ola.berg');
    expect((await fetch(event.webLink.replace(/sig=[\w-]{4}/, 'sig=AAAA'))).status).toBe(404);
    expect((await fetch(`${base}/calendar/ev-nope.ics`)).status).toBe(404);
    expect((await fetch(`${base}/calendar/${event.id}.txt`)).status).toBe(404);
  });

  it('puts a signed link in the invitation card; it serves the meeting, then its cancellation, and dies after the meeting', async () => {
    await say(people.coordinator, 'knytt kanal styret', { kind: 'channel' });
    const created = await press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Styremøte',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    const meetingId = /Møte \d+\/2026 · ([A-Z0-9]{5})/.exec(created)![1]!;
    await runJobs();
    const link = icsLinkFor(people.boardMember);
    const invited = await fetch(link);
    expect(invited.status).toBe(200);
    expect(invited.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(await invited.text()).toContain('ola.berg@ringerike.kommune.no');

    await say(people.coordinator, `avlys møte ${meetingId} Sykehuset har ikke saker`);
    await runJobs();
    const cancelled = await fetch(link);
    expect(cancelled.status).toBe(200);
    expect(cancelled.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(await cancelled.text()).toContain('STATUS:CANCELLED');

    now = new Date('2026-12-25T10:00:00Z'); // 14 days after the meeting ended
    const late = await fetch(link);
    expect(late.status).toBe(403);
    expectFileHeaders(late);
    expect(await late.text()).toBe('Denne kalenderlenken er utløpt: møtet er over.\n');
  });

  it("answers a forged download link in the reader's language, with the same headers", async () => {
    const res = await fetch(`${base}/exports/ABCDE/svar.csv?expires=9999999999999&sig=forged&lang=en`);
    expect(res.status).toBe(403);
    expectFileHeaders(res);
    expect(await res.text()).toBe('This link has expired or is not valid. Ask Samråd for a new one.\n');
  });

  it('sends nosniff, a strict policy and no Referer on every other answer too', async () => {
    for (const path of ['/healthz', '/nowhere']) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path).toMatch(/^default-src 'none'; frame-ancestors 'none'/);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });
});
