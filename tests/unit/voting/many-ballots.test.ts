import { describe, expect, it } from 'vitest';
import type { BallotBox } from '../../../src/domain/ballot';
import { castBallot, emptyBox } from '../../../src/domain/ballot';
import { tallyVote } from '../../../src/domain/tally';
import type { VoteSettings } from '../../../src/domain/vote';
import { now, openVoteOf } from './voting-fixtures';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const options = ['for', 'against', 'abstain'] as const;

describe.each<[string, Partial<VoteSettings>]>([
  ['named', {}],
  ['secret', { secrecy: 'secret', changeAllowed: false, interimResults: 'hidden' }],
])('200 ballots in random order (%s)', (_, settings) => {
  it.each([1, 2, 3])('tally is exact, with every invoke retried (seed %i)', (seed) => {
    const next = random(seed);
    const vote = openVoteOf(200, settings);
    const intended = Array.from({ length: 200 }, (_, i) => ({
      voter: `m${i + 1}`,
      option: options[Math.floor(next() * 3)]!,
    }));
    const expected = { for: 0, against: 0, abstain: 0 };
    for (const b of intended) expected[b.option]++;
    // Each invoke arrives twice, in any order: a double click or a retry from Teams.
    const invokes = shuffle([...intended, ...intended], next);

    let box: BallotBox = emptyBox(vote);
    for (const b of invokes) {
      const r = castBallot(
        vote,
        box,
        { voteId: vote.id, castBy: b.voter, option: b.option, idempotencyKey: `invoke-${b.voter}` },
        now,
      );
      if (!r.ok) throw new Error(`${b.voter}: ${r.error.code}`);
      box = r.value.box;
    }
    const t = tallyVote(vote, box);
    expect(t.counts).toEqual(expected);
    expect(t.voted).toBe(200);
    expect(t.cast).toBe(expected.for + expected.against);
    expect(expected.for * expected.against * expected.abstain).toBeGreaterThan(0);
  });
});

describe('200 voters changing their minds in random order (named)', () => {
  it('counts the last ballot each voter cast, and keeps every version', () => {
    const next = random(42);
    const vote = openVoteOf(200, { changeAllowed: true });
    const invokes = shuffle(
      Array.from({ length: 200 }, (_, i) =>
        [0, 1].map((n) => ({ voter: `m${i + 1}`, option: options[Math.floor(next() * 3)]!, n })),
      ).flat(),
      next,
    );
    const last = new Map<string, (typeof options)[number]>();
    for (const b of invokes) last.set(b.voter, b.option);
    const expected = { for: 0, against: 0, abstain: 0 };
    for (const option of last.values()) expected[option]++;

    let box: BallotBox = emptyBox(vote);
    let changes = 0;
    for (const b of invokes) {
      const r = castBallot(
        vote,
        box,
        { voteId: vote.id, castBy: b.voter, option: b.option, idempotencyKey: `invoke-${b.voter}-${b.n}` },
        now,
      );
      if (!r.ok) throw new Error(`${b.voter}: ${r.error.code}`);
      if (r.value.recorded) changes++;
      box = r.value.box;
    }
    expect(tallyVote(vote, box).counts).toEqual(expected);
    expect(box.secrecy === 'named' && box.ballots.length).toBe(changes);
    expect(changes).toBeGreaterThan(200);
  });
});
