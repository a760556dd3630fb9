import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, message, people } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/** `knytt kanal sekretariatet`: hearing notices go to that channel, wherever the hearing was registered. */
const now = new Date('2026-11-23T10:00:00Z');
const secretariat = { kind: 'channel' as const, conversationId: '19:sekretariat@thread.tacv2' };
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
});
afterAll(async () => bot.stop());

describe("the secretariat's channel", () => {
  it('is linked in a channel by its name, in either language, and gets the hearing notices', async () => {
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, 'knytt kanal sekretariatet', secretariat));
    expect(bot.connector.texts().join()).toContain('Denne kanalen er nå sekretariatets');
    bot.connector.clear();
    await bot.post(
      message(bot.connector.url, people.coordinator, 'link channel secretariat', { ...secretariat, locale: 'en-GB' }),
    );
    expect(bot.connector.texts().join()).toContain("This channel is now the secretariat's");

    const form = {
      title: 'Forslag om krav til helsefellesskap',
      issuer: 'Helse- og omsorgsdepartementet',
      externalDeadline: '2026-12-15 12:00',
      internalDeadline: '',
      documents: '',
      questions: 'Er forslaget godt nok utredet?',
      municipalities: '',
      background: '',
      reminders: '',
    };
    await bot.post(cardAction(bot.connector.url, people.coordinator, 'hearing.register', form));
    bot.connector.clear();
    for (let i = 0; i < 3; i++) await bot.samrad.jobs.runDue(now);
    const notices = bot.connector.sent.filter((s) => s.conversationId === secretariat.conversationId);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.activity.text).toContain('Forslag om krav til helsefellesskap');
    expect(bot.connector.sent.filter((s) => s.conversationId === `a:personal-${people.coordinator.id}`)).toHaveLength(
      0,
    );
  });
});
