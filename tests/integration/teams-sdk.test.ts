import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

// The suite runs once per Teams SDK (vitest projects `integration` and `integration-agents`):
// this proves the run is on the SDK it says, so a green second run is not the first run twice.
const expected = process.env.SAMRAD_TEAMS_SDK === 'agents' ? 'agents' : 'botframework';

describe(`the Teams SDK under test (${expected})`, () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());

  it('is the one the run was started with, and it answers a command over HTTP', async () => {
    const started = bot.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === 'server.listening');
    expect(started?.teamsSdk).toBe(expected);
    const res = await bot.post(message(bot.connector.url, people.coordinator, 'hjelp'));
    expect(res.status).toBe(200);
    expect(bot.connector.texts().length + bot.connector.cards().length).toBeGreaterThan(0);
  });
});
