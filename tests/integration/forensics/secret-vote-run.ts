import { expect } from 'vitest';
import { emptyBox } from '../../../src/domain/ballot';
import type { Clock } from '../../../src/ports/clock';
import type { RecordStore } from '../../../src/ports/record-store';
import { castVoteBallot } from '../../../src/app/voting/cast-vote-ballot';
import { closeOpenVote } from '../../../src/app/voting/close-open-vote';
import { KeyedLock } from '../../../src/app/voting/keyed-lock';
import { BALLOT_BOXES, VOTES } from '../../../src/app/voting/vote-records';
import type { VoteRecord } from '../../../src/app/voting/vote-records';
import { now, openVoteOf } from '../../unit/voting/voting-fixtures';

/** Seven voters, one at a time: the worst case, each ballot its own version of the box. */
export const choices = [
  ['m1', 'for'],
  ['m2', 'against'],
  ['m3', 'for'],
  ['m4', 'abstain'],
  ['m5', 'against'],
  ['m6', 'for'],
  ['m7', 'for'],
] as const;

const secret = { secrecy: 'secret', changeAllowed: false, interimResults: 'hidden' } as const;
const clock: Clock = { now: () => now };

/**
 * A secret vote through the real use cases (the ballot batcher, the close and its seal).
 * `observe` runs once the box exists, after every ballot and after the close: where a test
 * takes its copy.
 */
export async function runSecretVote(
  store: RecordStore,
  observe: (step: number) => Promise<void> | void,
  voteId = 'S3CRT',
): Promise<string> {
  const vote = openVoteOf(7, secret, voteId);
  await store.create(BALLOT_BOXES, vote.id, emptyBox(vote));
  await store.create<VoteRecord>(VOTES, vote.id, { ...vote, openedBy: 'm1' });
  const deps = { store, clock, lock: new KeyedLock() };
  await observe(0);
  for (const [i, [voter, option]] of choices.entries()) {
    const cast = await castVoteBallot(deps, {
      voteId: vote.id,
      castBy: voter,
      option,
      idempotencyKey: `invoke-${voter}`,
    });
    expect(cast.ok).toBe(true);
    await observe(i + 1);
  }
  const closed = await closeOpenVote(deps, vote.id, 'm1');
  expect(closed.ok && closed.value.tally.voted).toBe(7);
  await observe(choices.length + 1);
  return vote.id;
}
