import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

let now = new Date('2026-11-23T10:00:00Z'); // 11.00 in Oslo
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => bot.stop());

const where = { kind: 'channel' as const };
const chat = chatWith(() => bot);
/** Votes are opened and cast from the board's channel. */
const press = (from: Person, verb: string, data: object) => chat.press(from, verb, data, where);

describe('a vote with a deadline', () => {
  it('closes by itself at the deadline, once, and the posted card becomes the result', async () => {
    const opened = await press(people.coordinator, 'vote.open', {
      title: 'Høringsuttalelse om legevakt',
      body: 'styret',
      quorum: 'none',
      deadlineDate: '2026-11-23',
      deadlineTime: '12:00', // Oslo time: 11.00 UTC
    });
    const id = /Avstemning ([A-Z0-9]{5})/.exec(opened)![1]!;
    const job = await bot.samrad.store.get<{ dueAt: string; state: string }>('jobs', `vote-close:${id}`);
    expect(job?.value).toMatchObject({ dueAt: '2026-11-23T11:00:00.000Z', state: 'pending' });
    await press(people.boardMember, 'vote.cast', { voteId: id, option: 'for' });

    // Before the deadline nothing happens.
    expect((await bot.samrad.jobs.runDue(new Date('2026-11-23T10:59:00Z'))).done).toBe(0);
    now = new Date('2026-11-23T11:00:30Z');
    const late = await press(people.respondent, 'vote.cast', { voteId: id, option: 'against' });
    expect(late).toContain('Fristen er ute');

    bot.connector.clear();
    // The close, and the paced update of the card for Ola's ballot (due since 10:00:02).
    expect((await bot.samrad.jobs.runDue(now)).done).toBe(2);
    expect((await bot.samrad.jobs.runDue(now)).done).toBe(0); // once
    const vote = await bot.samrad.store.get<{ state: string }>('votes', id);
    expect(vote?.value.state).toBe('closed');
    // Both updates render the card when they run: after the close, each shows the result.
    const updates = bot.connector.updated.map((u) => JSON.stringify(u.activity));
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      expect(update).toContain('Vedtatt');
      expect(update).toContain('Ola Berg (Ringerike): For');
    }
    expect(bot.connector.unexpected).toEqual([]);
  });
});
