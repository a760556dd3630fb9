import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import type { ListName } from '../../src/ports/record-store';
import { message, people } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

/** A store whose disk has failed for one list. */
class BrokenStore extends MemoryStore {
  override async get<T>(list: ListName, id: string) {
    if (list === 'conversations') throw new Error('disk I/O error at /secret/path/samrad.db');
    return super.get<T>(list, id);
  }
}

describe('a failing turn', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBot({}, { store: new BrokenStore() });
  });
  afterAll(async () => bot.stop());

  it('apologises in the user language with a correlation id, and never shows the error', async () => {
    const res = await bot.post(
      message(bot.connector.url, people.coordinator, 'help', { kind: 'personal', locale: 'en-GB' }),
    );
    expect(res.status).toBe(200);
    const [reply] = bot.connector.texts();
    const id = reply?.match(/this code: ([0-9a-f]{8})/)?.[1];
    expect(id).toBeDefined();
    expect(reply).not.toContain('disk I/O');
    expect(reply).not.toContain('/secret/path');
    const logged = bot.logs.map((l) => JSON.parse(l)).find((l) => l.event === 'turn.failed');
    expect(logged).toMatchObject({ correlationId: id, error: expect.stringContaining('disk I/O error') });
  });

  it('apologises in Norwegian to a Norwegian client', async () => {
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, 'hjelp'));
    expect(bot.connector.texts()[0]).toMatch(/^Beklager, noe gikk galt/);
  });
});
