import { describe, expect, it } from 'vitest';
import { installation, message, people, type Person } from '../../fixtures/activities';
import { planBoardMeeting } from '../../fixtures/board-meeting';
import { organiser } from '../../fixtures/bot-on-fake-graph';
import type { BotUnderTest } from '../../fixtures/bot-under-test';
import { fakeTenant } from '../../fixtures/bot-on-tenant';
import { FakeGraphCalendar } from '../../fakes/fake-graph/calendar-routes';
import { idleTimer } from '../../unit/scheduling/scheduling-fixtures';

/*
 * The organiser mailbox cannot host Teams meetings: Graph still answers 201, with
 * `isOnlineMeeting: false` and no join link. The coordinator is told, once, in her chat and
 * language, instead of a Teams meeting silently without a link.
 */
const tenant = fakeTenant();

async function onTenant(
  teamsMeetings: boolean,
): Promise<{ bot: BotUnderTest; calendar: FakeGraphCalendar; run: (at: string) => Promise<void> }> {
  let now = new Date('2026-11-23T10:00:00Z');
  const calendar = new FakeGraphCalendar({ teamsMeetings });
  const { bot } = await tenant({
    fake: { routes: [calendar] },
    graph: { organiser },
    bot: { clock: { now: () => now }, timer: idleTimer },
  });
  for (const p of [people.coordinator, people.boardMember]) await bot.post(installation(bot.connector.url, p));
  const run = async (at: string) => {
    now = new Date(at);
    for (let i = 0; i < 3; i++) await bot.samrad.jobs.runDue(now);
  };
  return { bot, calendar, run };
}

const plan = async (bot: BotUnderTest): Promise<string> => (await planBoardMeeting(bot)).meetingId!;
const to = (bot: BotUnderTest, person: Person) =>
  bot.connector.sent
    .filter((s) => s.conversationId === `a:personal-${person.id}`)
    .map((s) => JSON.stringify(s.activity));

describe('a Teams meeting the organiser mailbox cannot host', () => {
  it('the events are made without a link, and the coordinator is told once, in Norwegian', async () => {
    const { bot, calendar, run } = await onTenant(false);
    const id = await plan(bot);
    await run('2026-11-23T10:00:00Z');
    expect(calendar.events(organiser).map((e) => [e.isOnlineMeeting, e.onlineMeeting])).toEqual([
      [false, null],
      [false, null],
    ]); // the meeting and its formøte
    const told = to(bot, people.coordinator).filter((m) => m.includes('uten Teams-lenke'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(
      `«Styremøte» (${id}) ligger i kalenderen, men uten Teams-lenke: postkassen ${organiser} kan ikke være vert for Teams-møter.`,
    );
    expect(to(bot, people.boardMember).join()).not.toContain('Teams-lenke');
    expect((await bot.samrad.store.get<{ joinUrl?: string }>('meetings', id))?.value.joinUrl).toBeUndefined();

    await bot.post(message(bot.connector.url, people.coordinator, `flytt møte ${id} 2026-12-11 13:00`));
    await run('2026-11-24T09:00:00Z');
    expect(to(bot, people.coordinator).filter((m) => m.includes('uten Teams-lenke'))).toHaveLength(1); // not again on a move
  });

  it('a mailbox that hosts Teams meetings gets its link and the coordinator hears nothing of it', async () => {
    const { bot, run } = await onTenant(true);
    const id = await plan(bot);
    await run('2026-11-23T10:00:00Z');
    expect((await bot.samrad.store.get<{ joinUrl?: string }>('meetings', id))?.value.joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\//,
    );
    expect(to(bot, people.coordinator).join()).not.toContain('Teams-lenke');
  });
});
