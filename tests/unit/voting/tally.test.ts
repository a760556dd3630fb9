import { describe, expect, it } from 'vitest';
import { quorumRequired, tallyVote } from '../../../src/domain/tally';
import type { VoteSettings } from '../../../src/domain/vote';
import { moreThanHalf } from '../../../src/domain/vote';
import { castAll, castCounts, openVoteOf } from './voting-fixtures';

const outcomeOf = (
  n: number,
  settings: Partial<VoteSettings>,
  counts: { for?: number; against?: number; abstain?: number },
) => {
  const vote = openVoteOf(n, { quorum: { kind: 'none' }, ...settings });
  return tallyVote(vote, castCounts(vote, counts)).outcome;
};

describe('simple majority of votes cast', () => {
  it('adopts with more for than against, rejects with fewer', () => {
    expect(outcomeOf(7, {}, { for: 4, against: 3 })).toEqual({ kind: 'adopted' });
    expect(outcomeOf(7, {}, { for: 3, against: 4 })).toEqual({ kind: 'rejected' });
  });

  it('does not count abstentions: 2 for, 1 against and 4 abstaining adopts', () => {
    expect(outcomeOf(7, {}, { for: 2, against: 1, abstain: 4 })).toEqual({ kind: 'adopted' });
    expect(outcomeOf(7, {}, { for: 1, against: 2, abstain: 4 })).toEqual({ kind: 'rejected' });
  });

  it('a tie is not adopted when the chair has no casting vote', () => {
    expect(outcomeOf(6, {}, { for: 3, against: 3 })).toEqual({ kind: 'rejected', tie: true });
    expect(outcomeOf(6, {}, {})).toEqual({ kind: 'rejected', tie: true });
  });

  it("a tie follows the chair's ballot when the chair has the casting vote", () => {
    // castCounts hands m1 (the chair) the first option in the list.
    expect(outcomeOf(6, { chairCastingVote: true }, { for: 3, against: 3 })).toEqual({
      kind: 'adopted',
      byCastingVote: true,
    });
    const vote = openVoteOf(6, { chairCastingVote: true, quorum: { kind: 'none' } });
    const box = castAll(vote, [
      ['m1', 'against'],
      ['m2', 'against'],
      ['m3', 'for'],
      ['m4', 'for'],
    ]);
    expect(tallyVote(vote, box).outcome).toEqual({ kind: 'rejected', tie: true, byCastingVote: true });
  });

  it('a tie stays a tie when the chair abstained or did not vote', () => {
    const vote = openVoteOf(6, { chairCastingVote: true, quorum: { kind: 'none' } });
    expect(
      tallyVote(
        vote,
        castAll(vote, [
          ['m1', 'abstain'],
          ['m2', 'for'],
          ['m3', 'against'],
        ]),
      ).outcome,
    ).toEqual({ kind: 'rejected', tie: true });
    expect(
      tallyVote(
        vote,
        castAll(vote, [
          ['m2', 'for'],
          ['m3', 'against'],
        ]),
      ).outcome,
    ).toEqual({ kind: 'rejected', tie: true });
  });

  it('the casting vote decides only a tie', () => {
    const vote = openVoteOf(6, { chairCastingVote: true, quorum: { kind: 'none' } });
    const box = castAll(vote, [
      ['m1', 'for'],
      ['m2', 'against'],
      ['m3', 'against'],
    ]);
    expect(tallyVote(vote, box).outcome).toEqual({ kind: 'rejected' });
  });
});

describe('two thirds of votes cast', () => {
  it('adopts at exactly two thirds, rejects just below', () => {
    expect(outcomeOf(9, { rule: 'two-thirds' }, { for: 6, against: 3 })).toEqual({ kind: 'adopted' });
    expect(outcomeOf(9, { rule: 'two-thirds' }, { for: 5, against: 3 })).toEqual({ kind: 'rejected' });
    expect(outcomeOf(9, { rule: 'two-thirds' }, { for: 5, against: 4 })).toEqual({ kind: 'rejected' });
  });

  it('measures two thirds of for and against, abstentions left out', () => {
    expect(outcomeOf(9, { rule: 'two-thirds' }, { for: 4, against: 2, abstain: 3 })).toEqual({ kind: 'adopted' });
  });

  it('adopts nothing when no votes are cast', () => {
    expect(outcomeOf(9, { rule: 'two-thirds' }, { abstain: 3 })).toEqual({ kind: 'rejected' });
  });
});

describe('unanimity of all eligible', () => {
  it('adopts only when every eligible voter is for', () => {
    expect(outcomeOf(5, { rule: 'unanimity' }, { for: 5 })).toEqual({ kind: 'adopted' });
  });

  it('one abstention blocks it', () => {
    expect(outcomeOf(5, { rule: 'unanimity' }, { for: 4, abstain: 1 })).toEqual({ kind: 'rejected' });
  });

  it('one missing voter blocks it, even with every ballot for', () => {
    expect(outcomeOf(5, { rule: 'unanimity' }, { for: 4 })).toEqual({ kind: 'rejected' });
  });

  it('one against blocks it', () => {
    expect(outcomeOf(5, { rule: 'unanimity' }, { for: 4, against: 1 })).toEqual({ kind: 'rejected' });
  });
});

describe('quorum', () => {
  it('counts required voters in whole people', () => {
    expect(quorumRequired({ kind: 'share', numerator: 1, denominator: 2, strict: false }, 14)).toBe(7);
    expect(quorumRequired({ kind: 'share', numerator: 1, denominator: 2, strict: true }, 14)).toBe(8);
    expect(quorumRequired({ kind: 'share', numerator: 1, denominator: 2, strict: false }, 7)).toBe(4);
    expect(quorumRequired({ kind: 'share', numerator: 1, denominator: 2, strict: true }, 7)).toBe(4);
    expect(quorumRequired({ kind: 'share', numerator: 2, denominator: 3, strict: false }, 9)).toBe(6);
    expect(quorumRequired({ kind: 'none' }, 9)).toBe(0);
  });

  it('reports no quorum when too few take part, whatever the votes say', () => {
    const vote = openVoteOf(14, { quorum: moreThanHalf });
    const seven = tallyVote(vote, castCounts(vote, { for: 7 }));
    expect(seven.quorum).toEqual({ required: 8, met: false });
    expect(seven.outcome).toEqual({ kind: 'no-quorum' });
  });

  it('is met when enough take part; abstaining counts as taking part', () => {
    const vote = openVoteOf(14, { quorum: moreThanHalf });
    const eight = tallyVote(vote, castCounts(vote, { for: 3, against: 1, abstain: 4 }));
    expect(eight.quorum).toEqual({ required: 8, met: true });
    expect(eight.outcome).toEqual({ kind: 'adopted' });
  });

  it('reports participation: 9 of 14 have voted, 8 votes cast', () => {
    const vote = openVoteOf(14);
    const t = tallyVote(vote, castCounts(vote, { for: 5, against: 3, abstain: 1 }));
    expect([t.voted, t.eligible, t.cast]).toEqual([9, 14, 8]);
    expect(t.notVoted).toEqual(['m10', 'm11', 'm12', 'm13', 'm14']);
  });
});

describe('choosing among alternatives', () => {
  const options = [
    { id: 'a', label: 'Alternativ A' },
    { id: 'b', label: 'Alternativ B' },
    { id: 'c', label: 'Alternativ C' },
    { id: 'abstain' },
  ];

  it('chooses the alternative with most votes, even without a majority of all', () => {
    const vote = openVoteOf(7, { options, quorum: { kind: 'none' } });
    const box = castAll(vote, [
      ['m1', 'a'],
      ['m2', 'b'],
      ['m3', 'b'],
      ['m4', 'c'],
      ['m5', 'abstain'],
      ['m6', 'abstain'],
      ['m7', 'abstain'],
    ]);
    const t = tallyVote(vote, box);
    expect(t.outcome).toEqual({ kind: 'chosen', option: 'b' });
    expect(t.counts).toEqual({ a: 1, b: 2, c: 1, abstain: 3 });
    expect(t.cast).toBe(4);
  });

  it('reports a tie with the tied alternatives', () => {
    const vote = openVoteOf(5, { options, quorum: { kind: 'none' } });
    const box = castAll(vote, [
      ['m1', 'a'],
      ['m2', 'b'],
      ['m3', 'a'],
      ['m4', 'b'],
      ['m5', 'c'],
    ]);
    expect(tallyVote(vote, box).outcome).toEqual({ kind: 'tie', options: ['a', 'b'] });
  });

  it("settles a tie by the chair's choice when the chair has the casting vote", () => {
    const vote = openVoteOf(5, { options, quorum: { kind: 'none' }, chairCastingVote: true });
    const box = castAll(vote, [
      ['m1', 'b'],
      ['m2', 'a'],
      ['m3', 'a'],
      ['m4', 'b'],
      ['m5', 'c'],
    ]);
    expect(tallyVote(vote, box).outcome).toEqual({ kind: 'chosen', option: 'b', byCastingVote: true });
  });

  it('respects quorum', () => {
    const vote = openVoteOf(5, { options, quorum: moreThanHalf });
    expect(
      tallyVote(
        vote,
        castAll(vote, [
          ['m1', 'a'],
          ['m2', 'a'],
        ]),
      ).outcome,
    ).toEqual({ kind: 'no-quorum' });
  });
});
