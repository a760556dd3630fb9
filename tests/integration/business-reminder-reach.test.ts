import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installation, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/*
 * A reminder that comes due before anyone it is for has a personal chat with Samråd must not
 * finish "done" with no message: it fails, so `feilede jobber` shows it, and `prøv igjen` sends
 * it once the chat is there (as the milestone and inquiry reminders already do).
 */
let now = new Date('2026-12-03T10:00:00Z');
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
});
afterAll(async () => bot.stop());

const chat = chatWith(() => bot);
const say = async (from: Person, words: string) => {
  await chat.say(from, words);
  return bot.connector.texts().join('\n');
};
/** Twice: a reminder puts its messages in the outbox for the next pass. */
const runDue = async () => {
  await bot.samrad.jobs.runDue(now);
  await bot.samrad.jobs.runDue(now);
};
const job = async (id: string) => (await bot.samrad.store.get<{ state: string }>('jobs', id))?.value.state;
const sentTo = (person: Person, words: string) =>
  bot.connector.sent.filter(
    (s) => s.conversationId === `a:personal-${person.id}` && (s.activity.text ?? '').includes(words),
  );

describe('reminders that find nobody to tell', () => {
  it('the fee reminder before any coordinator has a chat fails, and next year’s is still planned', async () => {
    now = new Date('2026-12-16T08:00:30Z'); // a month before 15.01.2027, 09.00 Oslo
    await runDue();
    expect(await job('fees.remind:2027')).toBe('failed');
    expect(await job('fees.remind:2028')).toBe('pending');
  });

  it('once the coordinator has a chat, prøv igjen sends it, once', async () => {
    await bot.post(installation(bot.connector.url, people.coordinator));
    expect(await say(people.coordinator, 'prøv igjen fees.remind:2027')).toContain('Satt i kø igjen');
    await runDue();
    expect(sentTo(people.coordinator, 'medlemskontingenten for 2027 forfaller')).toHaveLength(1);
    expect(await job('fees.remind:2027')).toBe('done');
  });

  it('an agreement change’s reminder when no asked municipality can be reached fails, then reaches one', async () => {
    await say(people.coordinator, 'avtaleendring 01.02.2027 Ny sats: Kontingenten settes til kr 4 per innbygger.');
    const [change] = await bot.samrad.store.find<{ id: string }>('agreementChanges');
    const id = `agreement.remind:${change!.id}:14`;
    now = new Date('2027-01-18T08:00:30Z'); // 14 days before 01.02.2027, 09.00 Oslo
    await runDue();
    expect(await job(id)).toBe('failed');
    await bot.post(installation(bot.connector.url, people.respondent));
    expect(await say(people.coordinator, `prøv igjen ${id}`)).toContain('Satt i kø igjen');
    await runDue();
    expect(sentTo(people.respondent, 'er ikke registrert for')).toHaveLength(1);
    expect(await job(id)).toBe('done');
  });
});
