import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { cardAction, installation, message, people, type Person } from '../../fixtures/activities';
import { startBot, type BotUnderTest } from '../../fixtures/bot-under-test';
import { Started } from '../../fixtures/started';
import { FakeGraphCalendar } from '../../fakes/fake-graph/calendar-routes';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';
import { idleTimer } from '../../unit/scheduling/scheduling-fixtures';

/*
 * With a tenant: the meeting's records in the SharePoint list, its events in the organiser's
 * Outlook calendar as Teams meetings. Planned, moved and cancelled, each calendar call is made
 * once even with 30% of Graph calls throttled; Exchange, not the bot, tells the attendees; and
 * the Teams join link Graph made is kept on the meeting and shown on the notice.
 */
const organiser = 'sekretariat@vestreviken-samarbeid.no';
const credential: TokenCredential = {
  getToken: async () => ({ token: 'fake-app-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
let now = new Date('2026-11-23T10:00:00Z');
let fake: FakeGraph;
let calendar: FakeGraphCalendar;
let bot: BotUnderTest;
let meetingId = '';

const started = new Started();
beforeAll(async () => {
  calendar = new FakeGraphCalendar();
  fake = started.add(await FakeGraph.start({ driveId: 'b!docs', routes: [calendar] }), (f) => f.close());
  await provisionSite(graphOnFake(fake).http, fake.lists.siteId);
  bot = await startBot(
    { graph: { baseUrl: fake.baseUrl, credential: { kind: 'managedIdentity' }, siteId: fake.lists.siteId, organiser } },
    { graphCredential: credential, clock: { now: () => now }, timer: idleTimer },
  );
  started.add(bot, (b) => b.stop());
  for (const p of [people.boardMember, people.respondent]) await bot.post(installation(bot.connector.url, p));
  fake.setThrottle({ share: 0.3, seed: 7, retryAfter: '0' });
});
afterAll(() => started.stopAll());

const eventCalls = () =>
  fake.requests
    .filter((r) => r.path.includes('/events') && r.status < 400)
    .map((r) => `${r.method} ${r.path.replace(/\/events\/[^/]+/, '/events/{id}')}`);
async function run(at: string): Promise<void> {
  now = new Date(at);
  bot.connector.clear();
  for (let i = 0; i < 3; i++) await bot.samrad.jobs.runDue(now);
}
const say = async (from: Person, text: string) => {
  await bot.post(message(bot.connector.url, from, text));
};

describe('a meeting on Microsoft 365, with Graph throttling 30% of calls', () => {
  it('planning it makes two Teams meetings in the organiser mailbox, once each, and no invitation cards', async () => {
    const created = JSON.stringify(
      JSON.parse(
        (
          await bot.post(
            cardAction(bot.connector.url, people.coordinator, 'meeting.create', {
              body: 'styret',
              title: 'Styremøte',
              date: '2026-12-10',
              startTime: '10:00',
              endTime: '12:00',
              online: 'true',
            }),
          )
        ).body,
      ).value,
    );
    meetingId = /Møte 1\/2026 · ([A-Z0-9]{5})/.exec(created)![1]!;
    await run('2026-11-23T10:00:00Z');
    expect(eventCalls().filter((c) => c.startsWith('POST'))).toEqual([
      `POST /users/${encodeURIComponent(organiser)}/events`,
      `POST /users/${encodeURIComponent(organiser)}/events`,
    ]);
    expect(calendar.notices.filter((n) => n.kind === 'request')).toHaveLength(2);
    expect(fake.requests.some((r) => r.status === 429)).toBe(true);
    // Exchange sends the invitations; the bot does not send cards as well.
    expect(bot.connector.sent).toHaveLength(0);
    const stored = await bot.samrad.store.get<{ joinUrl?: string }>('meetings', meetingId);
    expect(stored?.value.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
  });

  it('moving it patches both events once; cancelling it cancels both once, and attendees are told', async () => {
    const before = eventCalls().length;
    now = new Date('2026-11-24T09:00:00Z');
    await say(people.coordinator, `flytt møte ${meetingId} 2026-12-11 13:00`);
    await run('2026-11-24T09:00:00Z');
    expect(
      eventCalls()
        .slice(before)
        .filter((c) => c.startsWith('PATCH')),
    ).toHaveLength(2);
    const afterMove = eventCalls().length;
    await say(people.coordinator, `avlys møte ${meetingId} Ingen saker`); // asks first; the button cancels
    await bot.post(
      cardAction(bot.connector.url, people.coordinator, 'meeting.cancel', { meetingId, reason: 'Ingen saker' }),
    );
    await run('2026-11-24T09:30:00Z');
    expect(
      eventCalls()
        .slice(afterMove)
        .filter((c) => c.endsWith('/cancel')),
    ).toHaveLength(2);
    expect(calendar.notices.filter((n) => n.kind === 'cancel').map((n) => n.comment)).toEqual([
      'Ingen saker',
      'Ingen saker',
    ]);
  });
});
