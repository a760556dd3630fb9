import { describe, expect, it } from 'vitest';
import type { BallotBox } from '../../../src/domain/ballot';
import { castBallot, emptyBox, notVotedYet } from '../../../src/domain/ballot';
import { tallyVote } from '../../../src/domain/tally';
import { castAll, now, openVoteOf } from './voting-fixtures';

const secret = { secrecy: 'secret', changeAllowed: false, interimResults: 'hidden' } as const;
const casts = [
  ['m1', 'for'],
  ['m2', 'against'],
  ['m3', 'for'],
  ['m4', 'abstain'],
] as const;

/**
 * Every object anywhere in the stored value (after a JSON round trip, as a store would keep
 * it) that holds both a voter key or caster and an option id, as a string or as a key.
 */
function linkedRecords(box: BallotBox, voters: string[], options: string[]): unknown[] {
  const found: unknown[] = [];
  const strings = (node: object) => [
    ...Object.keys(node),
    ...Object.values(node).filter((v): v is string => typeof v === 'string'),
  ];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const here = strings(node);
    if (here.some((s) => voters.includes(s)) && here.some((s) => options.includes(s))) found.push(node);
    Object.values(node).forEach(walk);
  };
  walk(JSON.parse(JSON.stringify(box)));
  return found;
}

describe('secret ballot', () => {
  const voters = ['m1', 'm2', 'm3', 'm4', 'm5'];
  const options = ['for', 'against', 'abstain'];

  it('keeps no record pairing a voter with a choice', () => {
    const vote = openVoteOf(5, secret);
    const box = castAll(vote, casts);
    expect(linkedRecords(box, voters, options)).toEqual([]);
  });

  it('the same check finds the pairing in a named box (so it can fail)', () => {
    const vote = openVoteOf(5);
    expect(linkedRecords(castAll(vote, casts), voters, options)).toHaveLength(4);
  });

  it('keeps who voted and how many chose what, apart', () => {
    const vote = openVoteOf(5, secret);
    const box = castAll(vote, casts);
    if (box.secrecy !== 'secret') throw new Error('expected a secret box');
    expect(box.participation.map((p) => p.voterKey)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(Object.keys(box.participation[0]!).sort()).toEqual(['castBy', 'idempotencyKey', 'voterKey']);
    expect(box.choices).toEqual({ for: 2, against: 1, abstain: 1 });
  });

  it('gives the same box whatever order the same choices arrive in', () => {
    const vote = openVoteOf(5, secret);
    const a = castAll(vote, [
      ['m1', 'for'],
      ['m2', 'against'],
    ]);
    const b = castAll(vote, [
      ['m1', 'against'],
      ['m2', 'for'],
    ]);
    if (a.secrecy !== 'secret' || b.secrecy !== 'secret') throw new Error('expected secret boxes');
    expect(JSON.stringify(a.choices)).toBe(JSON.stringify(b.choices));
  });

  it('tells the voter nothing back that names the choice, and counts a retry once', () => {
    const vote = openVoteOf(5, secret);
    const request = { voteId: 'v1', castBy: 'm1', option: 'for', idempotencyKey: 'i1' };
    const first = castBallot(vote, emptyBox(vote), request, now);
    if (!first.ok) throw new Error('cast');
    expect(first.value.receipt).toEqual({ voteId: 'v1', voterKey: 'm1', version: 1 });
    const retry = castBallot(vote, first.value.box, request, now);
    expect(retry.ok && retry.value).toMatchObject({ recorded: false, receipt: first.value.receipt });
    expect(retry.ok && tallyVote(vote, retry.value.box).counts.for).toBe(1);
  });

  it('refuses a second ballot from the same voter: a secret ballot cannot change', () => {
    const vote = openVoteOf(5, secret);
    const box = castAll(vote, [['m1', 'for']]);
    const again = castBallot(vote, box, { voteId: 'v1', castBy: 'm1', option: 'against', idempotencyKey: 'i2' }, now);
    expect(again).toEqual({ ok: false, error: { code: 'VOTE.CHANGE_NOT_ALLOWED' } });
  });

  it('tallies without naming who stayed away, while reminders can still find them', () => {
    const vote = openVoteOf(5, { ...secret, quorum: { kind: 'none' } });
    const box = castAll(vote, casts);
    const t = tallyVote(vote, box);
    expect(t).toMatchObject({ voted: 4, eligible: 5, cast: 3, outcome: { kind: 'adopted' } });
    expect(t.notVoted).toBeUndefined();
    expect(notVotedYet(vote, box)).toEqual(['m5']);
  });
});
