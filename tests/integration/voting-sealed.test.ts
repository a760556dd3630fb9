import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({ ballotKey: 'a ballot key of at least 32 characters' });
});
afterAll(async () => bot.stop());

const where = { kind: 'channel' as const };
const chat = chatWith(() => bot);
/** Votes are opened and cast from the board's channel. */
const press = (from: Person, verb: string, data: object) => chat.press(from, verb, data, where);

describe('secret voting with SAMRAD_BALLOT_KEY set', () => {
  it('counts through the seal, and the database file and WAL never hold a box in clear', async () => {
    const opened = await press(people.coordinator, 'vote.open', {
      title: 'Budsjett 2027',
      body: 'styret',
      secrecy: 'secret',
      changeAllowed: 'false',
      quorum: 'none',
    });
    const id = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened)?.[1];
    expect(id).toBeDefined();
    await press(people.boardMember, 'vote.cast', { voteId: id, option: 'against' });
    await press(people.respondent, 'vote.cast', { voteId: id, option: 'against' });
    const file = join(bot.dir, 'samrad.db');
    const raw = () =>
      Buffer.concat([
        readFileSync(file),
        existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0),
      ]).toString('latin1');
    expect(raw()).not.toContain('"participation"');
    const closed = await press(people.coordinator, 'vote.close', { voteId: id });
    expect(closed).toContain('2 av 7 har stemt');
    expect(closed).toContain('"title":"Mot","value":"2"');
    expect(closed).toContain('"title":"For","value":"0"');
    expect(raw()).not.toContain('"participation"');
  });
});
