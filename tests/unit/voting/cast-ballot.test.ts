import { describe, expect, it } from 'vitest';
import type { CastRequest } from '../../../src/domain/cast-request';
import type { BallotBox } from '../../../src/domain/ballot';
import { ballotHistory, castBallot, currentBallot, emptyBox, hasVoted, notVotedYet } from '../../../src/domain/ballot';
import type { Vote } from '../../../src/domain/vote';
import { closeVote, draftVote } from '../../../src/domain/vote';
import { tallyVote } from '../../../src/domain/tally';
import { castAll, deadline, later, now, openVoteOf } from './voting-fixtures';

const ask = (over: Partial<CastRequest> = {}): CastRequest => ({
  voteId: 'v1',
  castBy: 'm1',
  option: 'for',
  idempotencyKey: 'invoke-1',
  ...over,
});
const named = (box: BallotBox) => {
  if (box.secrecy !== 'named') throw new Error('expected a named box');
  return box;
};
const refusal = (vote: Vote, request: CastRequest, at = now, box: BallotBox = emptyBox(vote)) => {
  const r = castBallot(vote, box, request, at);
  return r.ok ? 'recorded' : r.error.code;
};

describe('casting a ballot: refusals', () => {
  const vote = openVoteOf(3, { deadline, changeAllowed: false });

  it('records an eligible ballot', () => {
    expect(refusal(vote, ask())).toBe('recorded');
  });

  it('VOTE.NOT_ELIGIBLE: a person outside the electorate, or naming a key they may not cast for', () => {
    expect(refusal(vote, ask({ castBy: 'stranger' }))).toBe('VOTE.NOT_ELIGIBLE');
    expect(refusal(vote, ask({ castBy: 'm1', voterKey: 'm2' }))).toBe('VOTE.NOT_ELIGIBLE');
  });

  it('VOTE.CLOSED: after the vote is closed', () => {
    const closed = closeVote(vote, now);
    if (!closed.ok) throw new Error('close');
    expect(refusal(closed.value, ask())).toBe('VOTE.CLOSED');
  });

  it('VOTE.NOT_OPEN: before the vote is opened', () => {
    const draft = draftVote({ id: 'v1', title: 'Sak', body: 'styret' });
    if (!draft.ok) throw new Error('draft');
    expect(refusal(draft.value, ask())).toBe('VOTE.NOT_OPEN');
  });

  it('VOTE.PAST_DEADLINE: after the deadline, even before the scheduler closes it', () => {
    expect(refusal(vote, ask(), later)).toBe('VOTE.PAST_DEADLINE');
    expect(refusal(vote, ask(), new Date(deadline))).toBe('VOTE.PAST_DEADLINE');
  });

  it('VOTE.UNKNOWN_OPTION: an option the vote does not have', () => {
    expect(refusal(vote, ask({ option: 'maybe' }))).toBe('VOTE.UNKNOWN_OPTION');
  });

  it('VOTE.ITEM_WITHDRAWN: the agenda item was withdrawn', () => {
    expect(refusal(vote, ask({ itemWithdrawn: true }))).toBe('VOTE.ITEM_WITHDRAWN');
  });

  it('VOTE.OTHER_VOTE: a payload naming another vote', () => {
    expect(refusal(vote, ask({ voteId: 'v2' }))).toBe('VOTE.OTHER_VOTE');
  });

  it('VOTE.CHANGE_NOT_ALLOWED: a second, different ballot when changes are off', () => {
    const box = castAll(vote, [['m1', 'for']]);
    expect(refusal(vote, ask({ option: 'against', idempotencyKey: 'invoke-2' }), now, box)).toBe(
      'VOTE.CHANGE_NOT_ALLOWED',
    );
  });

  it('VOTE.IDEMPOTENCY_CONFLICT: another person reusing an invoke id', () => {
    const box = castAll(vote, [['m1', 'for']]);
    expect(refusal(vote, ask({ castBy: 'm2', idempotencyKey: 'invoke-m1-0' }), now, box)).toBe(
      'VOTE.IDEMPOTENCY_CONFLICT',
    );
  });

  it('records nothing when refused', () => {
    const box = castAll(vote, [['m1', 'for']]);
    const r = castBallot(vote, box, ask({ castBy: 'm2', option: 'maybe', idempotencyKey: 'x' }), now);
    expect(r.ok).toBe(false);
    expect(named(box).ballots).toHaveLength(1);
  });
});

describe('versioned ballots', () => {
  const vote = openVoteOf(3, { changeAllowed: true });

  it('adds a version on change: the latest counts and the history is kept', () => {
    const box = named(
      castAll(vote, [
        ['m1', 'for'],
        ['m2', 'for'],
        ['m1', 'against'],
        ['m1', 'abstain'],
      ]),
    );
    expect(box.ballots).toHaveLength(4);
    expect(ballotHistory(box, 'm1').map((b) => [b.version, b.option])).toEqual([
      [1, 'for'],
      [2, 'against'],
      [3, 'abstain'],
    ]);
    expect(currentBallot(box, 'm1')?.option).toBe('abstain');
    expect(tallyVote(vote, box).counts).toEqual({ for: 1, against: 0, abstain: 1 });
    expect(tallyVote(vote, box).voted).toBe(2);
  });

  it('the same choice clicked again with a new invoke id adds nothing', () => {
    const first = castBallot(vote, emptyBox(vote), ask({ idempotencyKey: 'a' }), now);
    if (!first.ok) throw new Error('cast');
    const again = castBallot(vote, first.value.box, ask({ idempotencyKey: 'b' }), now);
    expect(again.ok && again.value.recorded).toBe(false);
    expect(again.ok && again.value.box).toBe(first.value.box);
    expect(again.ok && again.value.receipt).toEqual(first.value.receipt);
  });
});

describe('idempotency', () => {
  it('a retried invoke counts once and gets the same receipt', () => {
    const vote = openVoteOf(3);
    const first = castBallot(vote, emptyBox(vote), ask(), now);
    if (!first.ok) throw new Error('cast');
    expect(first.value).toMatchObject({
      recorded: true,
      receipt: { voteId: 'v1', voterKey: 'm1', version: 1, option: 'for' },
    });
    const retry = castBallot(vote, first.value.box, ask(), now);
    expect(retry.ok && retry.value.receipt).toEqual(first.value.receipt);
    expect(retry.ok && retry.value.recorded).toBe(false);
    expect(retry.ok && named(retry.value.box).ballots).toHaveLength(1);
  });

  it('a retry carrying a different option still returns the first answer', () => {
    const vote = openVoteOf(3);
    const first = castBallot(vote, emptyBox(vote), ask(), now);
    if (!first.ok) throw new Error('cast');
    const retry = castBallot(vote, first.value.box, ask({ option: 'against' }), now);
    expect(retry.ok && retry.value.receipt.option).toBe('for');
  });

  it('a retry that arrives after close is answered as the original, not refused', () => {
    const vote = openVoteOf(3);
    const first = castBallot(vote, emptyBox(vote), ask(), now);
    const closed = closeVote(vote, now);
    if (!first.ok || !closed.ok) throw new Error('setup');
    const retry = castBallot(closed.value, first.value.box, ask(), later);
    expect(retry.ok && retry.value.receipt).toEqual(first.value.receipt);
    expect(refusal(closed.value, ask({ idempotencyKey: 'new' }), later, first.value.box)).toBe('VOTE.CLOSED');
  });
});

describe('who has voted', () => {
  it('lists those who have not voted, in electorate order', () => {
    const vote = openVoteOf(4);
    const box = castAll(vote, [
      ['m3', 'for'],
      ['m1', 'abstain'],
    ]);
    expect(notVotedYet(vote, box)).toEqual(['m2', 'm4']);
    expect(hasVoted(box, 'm1')).toBe(true);
    expect(hasVoted(box, 'm2')).toBe(false);
  });
});
