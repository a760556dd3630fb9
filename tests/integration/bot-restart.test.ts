import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

// The fixture the restart tests (follow-up, cooperation-business-reminders) stand on: a restart
// must really end the process and start a new one on the same database, or they prove nothing.
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } });
});
afterAll(async () => bot.stop());

describe('the bot under test, restarted', () => {
  it('is a new process on the same database: the old one no longer answers, the new one has what was stored', async () => {
    const before = { samrad: bot.samrad, url: bot.url };
    await bot.samrad.store.create('meetings', 'RSTRT', { id: 'RSTRT', title: 'Før omstart' });
    await bot.restart();
    expect(bot.samrad).not.toBe(before.samrad);
    await expect(fetch(before.url, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect((await bot.samrad.store.get<{ title: string }>('meetings', 'RSTRT'))?.value.title).toBe('Før omstart');
    bot.connector.clear();
    expect((await bot.post(message(bot.connector.url, people.coordinator, 'hjelp'))).status).toBe(200);
    expect(bot.connector.sent.length).toBeGreaterThan(0);
  });
});
