import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DelayedStore } from '../../bench/delayed-store';
import type { BallotBox } from '../../src/domain/ballot';
import { castBallot } from '../../src/domain/ballot';
import type { Vote } from '../../src/domain/vote';
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

    // The next ballot: one read (the vote as stored, for its state) and one write of the box
    // under the eTag this process last wrote it with (issue 13 part 3).
    const next = await bot.post(
      cardAction(bot.connector.url, people.respondent, 'vote.cast', { voteId: id, option: 'against' }, where),
    );
    expect(next.body).toContain('2 av 7 har stemt');
    const after = store.takeCounts();
    const of = (list: string) => [...after].filter(([k]) => k.endsWith(` ${list}`)).reduce((n, [, c]) => n + c, 0);
    expect(of('votes') + of('ballotBoxes')).toBe(2);
    expect(after.get('get votes')).toBe(1);
    expect(after.get('replace ballotBoxes')).toBe(1);
  });

  it('a ballot another process wrote meanwhile is kept: the write under the old eTag fails, the box is read again', async () => {
    const where = { kind: 'channel' as const };
    const opened = await bot.post(
      cardAction(bot.connector.url, people.coordinator, 'vote.open', { title: 'Vedtekter', body: 'styret' }, where),
    );
    const id = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened.body)?.[1];
    await bot.post(
      cardAction(bot.connector.url, people.boardMember, 'vote.cast', { voteId: id, option: 'for' }, where),
    );
    // Another instance records Jon's ballot: the box changes under this process.
    const vote = await store.inner.get<Vote>('votes', id!);
    const box = await store.inner.get<BallotBox>('ballotBoxes', id!);
    const theirs = castBallot(
      vote!.value,
      box!.value,
      { voteId: id!, castBy: 'jon-strand', option: 'for', idempotencyKey: 'other-instance' },
      new Date(),
    );
    if (!theirs.ok) throw new Error('the other instance could not cast');
    await store.inner.replace('ballotBoxes', id!, theirs.value.box, box!.etag);
    store.takeCounts();
    const cast = await bot.post(
      cardAction(bot.connector.url, people.respondent, 'vote.cast', { voteId: id, option: 'against' }, where),
    );
    // Jon's ballot kept, Marit's added: the stale write was refused and decided again on the new box.
    expect(cast.body).toContain('3 av 7 har stemt');
    expect(store.takeCounts().get('replace ballotBoxes')).toBe(2);
    const stored = await store.inner.get<BallotBox>('ballotBoxes', id!);
    expect(stored!.value.secrecy === 'named' && stored!.value.ballots.map((b) => b.castBy).sort()).toEqual([
      'jon-strand',
      'marit-kvam',
      'ola-berg',
    ]);
  });
});
