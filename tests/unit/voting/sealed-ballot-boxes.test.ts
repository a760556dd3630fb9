import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import { emptyBox } from '../../../src/domain/ballot';
import type { BallotBox } from '../../../src/domain/ballot';
import { SealedBallotBoxes } from '../../../src/app/voting/sealed-ballot-boxes';
import { castAll, openVoteOf } from './voting-fixtures';

const KEY = 'k'.repeat(40);
let inner: SqliteStore | undefined;
afterEach(async () => {
  await inner?.close();
  inner = undefined;
});

const secret = { secrecy: 'secret', changeAllowed: false, interimResults: 'hidden' } as const;

describe('sealed ballot boxes', () => {
  it('store only ciphertext, and read back the box', async () => {
    inner = new SqliteStore(':memory:');
    const store = new SealedBallotBoxes(inner, KEY);
    const vote = openVoteOf(5, secret);
    const box = castAll(vote, [
      ['m1', 'for'],
      ['m2', 'against'],
    ]);
    await store.create('ballotBoxes', vote.id, box);
    const raw = JSON.stringify((await inner.get('ballotBoxes', vote.id))?.value);
    expect(raw).toMatch(/^\{"sealed":"[A-Za-z0-9+/=]+"\}$/);
    // Neither the text nor its bytes hold a voter's id as JSON writes it (a bare "m1" can occur in base64 by chance).
    const sealed = Buffer.from((JSON.parse(raw) as { sealed: string }).sealed, 'base64').toString('latin1');
    for (const visible of [raw, sealed]) expect(visible).not.toMatch(/"m[12]"|"against"|"for"/);
    expect((await store.get<BallotBox>('ballotBoxes', vote.id))?.value).toEqual(box);
    expect((await store.find<BallotBox>('ballotBoxes', { secrecy: 'secret' })).map((r) => r.value)).toEqual([box]);
    expect(await store.find('ballotBoxes', { secrecy: 'named' })).toEqual([]);
  });

  it('a replace seals afresh: the same value twice gives two different ciphertexts', async () => {
    inner = new SqliteStore(':memory:');
    const store = new SealedBallotBoxes(inner, KEY);
    const vote = openVoteOf(5, secret);
    const first = await store.create('ballotBoxes', vote.id, emptyBox(vote));
    const before = JSON.stringify((await inner.get('ballotBoxes', vote.id))?.value);
    await store.replace('ballotBoxes', vote.id, emptyBox(vote), first.etag);
    expect(JSON.stringify((await inner.get('ballotBoxes', vote.id))?.value)).not.toBe(before);
  });

  it('a count gaining a digit does not change the sealed length', async () => {
    inner = new SqliteStore(':memory:');
    const store = new SealedBallotBoxes(inner, KEY);
    const vote = openVoteOf(12, secret);
    const voters = Array.from({ length: 10 }, (_, i) => `m${i + 1}`);
    // The same ten voters: all for ("for":10,"against":0) or split ("for":5,"against":5), one character apart in JSON.
    const allFor = castAll(
      vote,
      voters.map((v) => [v, 'for'] as const),
    );
    const split = castAll(
      vote,
      voters.map((v, i) => [v, i < 5 ? 'for' : 'against'] as const),
    );
    expect(JSON.stringify(allFor).length).not.toBe(JSON.stringify(split).length);
    await store.create('ballotBoxes', 'a', allFor);
    await store.create('ballotBoxes', 'b', split);
    const length = async (id: string) => (await inner!.get<{ sealed: string }>('ballotBoxes', id))!.value.sealed.length;
    expect(await length('a')).toBe(await length('b'));
  });

  it('refuses a box under the wrong key or moved to another vote, rather than reading it as empty', async () => {
    inner = new SqliteStore(':memory:');
    const vote = openVoteOf(5, secret);
    await new SealedBallotBoxes(inner, KEY).create('ballotBoxes', vote.id, emptyBox(vote));
    await expect(new SealedBallotBoxes(inner, 'x'.repeat(40)).get('ballotBoxes', vote.id)).rejects.toThrow();
    const sealed = (await inner.get('ballotBoxes', vote.id))!.value;
    await inner.create('ballotBoxes', 'other', sealed);
    await expect(new SealedBallotBoxes(inner, KEY).get('ballotBoxes', 'other')).rejects.toThrow();
  });

  it('reads a box written before the key was set, and leaves other lists as they are', async () => {
    inner = new SqliteStore(':memory:');
    const vote = openVoteOf(5, secret);
    await inner.create('ballotBoxes', vote.id, emptyBox(vote));
    const store = new SealedBallotBoxes(inner, KEY);
    expect((await store.get('ballotBoxes', vote.id))?.value).toEqual(emptyBox(vote));
    await store.create('votes', vote.id, { title: 'x' });
    expect((await inner.get('votes', vote.id))?.value).toEqual({ title: 'x' });
  });
});
