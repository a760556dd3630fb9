import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, TEAM_ID } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { expectValidCards } from '../fixtures/card-validation';
import { chatWith } from '../fixtures/chat';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/**
 * Finding 12 of issue 16: the channel notice was a reply inside the thread where `knytt kanal`
 * was typed, and cases added before the first notice was out left it stale (rendered when
 * scheduled). Now it is a new post in the channel, rendered when it is sent.
 */
const now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
const thread = `${TEAM_ID};messageid=1732355000000`;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
});
afterAll(async () => bot.stop());

const chat = chatWith(() => bot);
/** The coordinator plans the meeting from her personal chat. */
const press = (verb: string, data: object) => chat.press(people.coordinator, verb, data);

describe('the channel notice of a meeting', () => {
  it('is one new post in the channel, not in the thread of `knytt kanal`, with the cases added before it went out', async () => {
    await chat.say(people.coordinator, 'knytt kanal styret', { kind: 'channel', conversationId: thread });
    expect(bot.connector.texts().join('\n')).toContain('Denne kanalen hører nå til Samarbeidsstyret');

    const created = await press('meeting.create', {
      body: 'styret',
      title: 'Styremøte',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    const meetingId = /Møte \d+\/2026 · ([A-Z0-9]{5})/.exec(created)![1]!;
    // Two cases before the scheduler has run anything: the notice job is still waiting.
    await press('agenda.add', { meetingId, title: 'Handlingsplan 2027', proposal: 'Styret vedtar handlingsplanen.' });
    await press('agenda.add', { meetingId, title: 'Budsjett 2027', proposal: 'Styret vedtar budsjettet.' });

    bot.connector.clear();
    for (let i = 0; i < 4; i++) await bot.samrad.jobs.runDue(now);
    const notices = bot.connector.sent.filter((s) => JSON.stringify(s.activity).includes('Innkalt'));
    expect(notices.map((n) => n.conversationId)).toEqual([TEAM_ID]);
    expect(notices[0]!.replyToId).toBeUndefined();
    const shown = JSON.stringify(notices[0]!.activity);
    expect(shown).toContain('Handlingsplan 2027');
    expect(shown).toContain('Budsjett 2027');
    expect(bot.connector.sent.filter((s) => s.conversationId === thread)).toEqual([]);
    expectValidCards(bot.connector.cards());

    // A later case updates that post in place.
    await press('agenda.add', { meetingId, title: 'Legevakt', proposal: 'Styret tar saken til orientering.' });
    bot.connector.clear();
    for (let i = 0; i < 2; i++) await bot.samrad.jobs.runDue(now);
    expect(bot.connector.sent.filter((s) => s.conversationId === TEAM_ID)).toEqual([]);
    expect(
      JSON.stringify(bot.connector.updated.filter((u) => u.conversationId === TEAM_ID).at(-1)?.activity),
    ).toContain('Legevakt');
  });
});
