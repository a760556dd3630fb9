import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DelayedStore } from '../../bench/delayed-store';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { cardAction, installation, message, people } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

// Store calls are deterministic: counted here with a counting decorator (delay 0), never timed.
let bot: BotUnderTest;
let store: DelayedStore;
beforeAll(async () => {
  const databaseFile = join(mkdtempSync(join(tmpdir(), 'samrad-calls-')), 'samrad.db');
  store = new DelayedStore(new SqliteStore(databaseFile));
  bot = await startBot({ databaseFile }, { store });
});
afterAll(async () => bot.stop());

const reads = (counts: Map<string, number>) =>
  [...counts].filter(([key]) => key.startsWith('get ') || key.startsWith('find ')).reduce((n, [, c]) => n + c, 0);

describe('store calls on a chat turn', () => {
  it('a known person in a known personal chat: no scan of every conversation for the team roster', async () => {
    // The team is installed (so a roster could be found) and the person has spoken before.
    await bot.post(installation(bot.connector.url, people.coordinator, { kind: 'channel' }));
    await bot.post(message(bot.connector.url, people.coordinator, 'hjelp'));
    store.takeCounts();
    const res = await bot.post(message(bot.connector.url, people.coordinator, 'kommuner'));
    expect(res.status).toBe(200);
    const counts = store.takeCounts();
    expect(counts.get('find conversations')).toBeUndefined();
    // The conversation (is it remembered as it is?); the Teams user was confirmed on the turn
    // before, so it is not read again; nothing written. On SharePoint: one Graph request.
    expect(Object.fromEntries(counts)).toEqual({ 'get conversations': 1 });
    expect(reads(counts)).toBe(1);
  });

  it('a Teams user id that has changed is still written on the next turn', async () => {
    const renewed = { ...people.coordinator, id: '29:ingrid-renewed' };
    await bot.post(message(bot.connector.url, renewed, 'hjelp'));
    const stored = await store.get<{ userId: string }>('teamsUsers', 'ingrid-haugen');
    expect(stored?.value.userId).toBe('29:ingrid-renewed');
  });

  it('synkroniser still finds the team from a personal chat (the one command that needs it)', async () => {
    store.takeCounts();
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, 'sync'));
    expect(store.takeCounts().get('find conversations')).toBe(1);
    expect(JSON.stringify(bot.connector.cards()[0])).toContain('people in the team');
  });
});

describe('store calls on a vote cast', () => {
  it('one read of the vote and its box, one write of the box; her card shows her ballot', async () => {
    const where = { kind: 'channel' as const };
    const opened = await bot.post(
      cardAction(bot.connector.url, people.coordinator, 'vote.open', { title: 'Budsjett', body: 'styret' }, where),
    );
    const id = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened.body)?.[1];
    expect(id).toBeDefined();
    store.takeCounts();
    const cast = await bot.post(
      cardAction(bot.connector.url, people.boardMember, 'vote.cast', { voteId: id, option: 'for' }, where),
    );
    expect(cast.body).toContain('Du har stemt: For');
    expect(cast.body).toContain('1 av 7 har stemt');
    const counts = store.takeCounts();
    expect(counts.get('get votes')).toBe(1);
    expect(counts.get('get ballotBoxes')).toBe(1);
    expect(counts.get('replace ballotBoxes')).toBe(1);
  });
});
