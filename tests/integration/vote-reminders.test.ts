import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, installation, message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => bot.stop());

const channel = { kind: 'channel' as const };
const press = async (from: Person, verb: string, data: object) =>
  JSON.parse((await bot.post(cardAction(bot.connector.url, from, verb, data, channel))).body) as { value: any };

describe('reminders in a vote', () => {
  it('go only to those who have not voted, once each, and name those the bot cannot reach', async () => {
    // Ola and Marit have the bot in their personal chat; the other board members do not.
    for (const p of [people.boardMember, people.respondent]) await bot.post(installation(bot.connector.url, p));
    const opened = await press(people.coordinator, 'vote.open', { title: 'Årsmelding 2026', body: 'styret' });
    const id = /Avstemning ([A-Z0-9]{5})/.exec(JSON.stringify(opened.value))![1]!;
    await press(people.boardMember, 'vote.cast', { voteId: id, option: 'for' });

    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, `påminn ${id}`, channel));
    await bot.post(message(bot.connector.url, people.coordinator, `påminn ${id}`, channel)); // a double click
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
    const id = /Avstemning ([A-Z0-9]{5})/.exec(JSON.stringify(opened.value))![1]!;
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.respondent, `påminn ${id}`, channel));
    expect(bot.connector.texts()[0]).toContain('hører ikke til rollen din');
    await press(people.coordinator, 'vote.close', { voteId: id });
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, `påminn ${id}`, channel));
    expect(bot.connector.texts()[0]).toContain('Avstemningen er lukket');
  });
});
