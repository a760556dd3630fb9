import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installation, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => bot.stop());

const channel = { kind: 'channel' as const };
const chat = chatWith(() => bot);
/** Votes are run, and reminders asked for, in the board's channel. */
const press = (from: Person, verb: string, data: object) => chat.press(from, verb, data, channel);
const say = (from: Person, text: string) => chat.say(from, text, channel);
const sayAgain = (from: Person, text: string) => chat.sayAgain(from, text, channel);

describe('reminders in a vote', () => {
  it('go only to those who have not voted, once each, and name those the bot cannot reach', async () => {
    // Ola and Marit have the bot in their personal chat; the other board members do not.
    for (const p of [people.boardMember, people.respondent]) await bot.post(installation(bot.connector.url, p));
    const opened = await press(people.coordinator, 'vote.open', { title: 'Årsmelding 2026', body: 'styret' });
    const id = /Avstemning ([A-Z0-9]{5})/.exec(opened)![1]!;
    await press(people.boardMember, 'vote.cast', { voteId: id, option: 'for' });

    await say(people.coordinator, `påminn ${id}`);
    await sayAgain(people.coordinator, `påminn ${id}`); // a double click
    // The runner polls as soon as a job is scheduled, so the reminder may go out before the report.
    const report = bot.connector.texts().find((t) => t.includes('Påminnelse sendes')) ?? '';
    expect(report).toContain('Påminnelse sendes til 1 person: Marit Kvam.');
    expect(report).toContain('Kan ikke nås');
    expect(report).toContain('Jon Strand');
    expect(report).not.toContain('Ola Berg');

    await bot.samrad.jobs.runDue();
    const reminders = bot.connector.sent.filter((s) => (s.activity.text ?? '').includes('Du har ikke stemt ennå'));
    expect(reminders.map((r) => r.conversationId)).toEqual([`a:personal-${people.respondent.id}`]);
    expect(reminders[0]?.activity.text).toContain(`stemmer ${id}`);
    const jobs = await bot.samrad.store.find<{ state: string; receipt?: { activityId: string } }>('jobs', {
      kind: 'outbox.message',
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.value.state).toBe('done');
    expect(jobs[0]?.value.receipt?.activityId).toBeTruthy();
  });

  it('are refused for a closed vote and for someone who may not close it', async () => {
    const opened = await press(people.coordinator, 'vote.open', { title: 'Møteplan', body: 'styret' });
    const id = /Avstemning ([A-Z0-9]{5})/.exec(opened)![1]!;
    await say(people.respondent, `påminn ${id}`);
    expect(bot.connector.texts()[0]).toContain('hører ikke til rollen din');
    await press(people.coordinator, 'vote.close', { voteId: id });
    await say(people.coordinator, `påminn ${id}`);
    expect(bot.connector.texts()[0]).toContain('Avstemningen er lukket');
  });
});
