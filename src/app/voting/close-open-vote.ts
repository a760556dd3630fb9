import type { Tally } from '../../domain/tally';
import { tallyVote } from '../../domain/tally';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import { closeVote } from '../../domain/vote';
import type { ClosedVote } from '../../domain/vote';
import type { BallotBox } from '../../domain/ballot';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import type { KeyedLock } from './keyed-lock';
import type { VoteRecord } from './vote-records';
import { BALLOT_BOXES, loadVote, VOTES } from './vote-records';
import { recordDecision } from './agenda-link';

/**
 * Closes a vote by hand or at its deadline, and records the result. Closing under the
 * vote's lock means no ballot slips in between the last count and the close.
 */
export async function closeOpenVote(
  deps: { store: RecordStore; clock: Clock; lock: KeyedLock },
  voteId: string,
  closedBy: string,
): Promise<Result<{ vote: VoteRecord; tally: Tally }>> {
  const { store, clock, lock } = deps;
  return lock.run(voteId, async () => {
    for (let attempt = 1; ; attempt++) {
      const loaded = await loadVote(store, voteId);
      if (!loaded) return fail('VOTE.UNKNOWN', { vote: voteId });
      const closed = closeVote(loaded.vote.value, clock.now());
      if (!closed.ok) return closed;
      const record: VoteRecord = { ...loaded.vote.value, ...closed.value };
      try {
        await store.replace<VoteRecord>(VOTES, voteId, record, loaded.vote.etag);
      } catch (e) {
        // Changed meanwhile (by another process): read again; a close there is seen as VOTE.CLOSED.
        if (isStoreError(e, 'STORE.PRECONDITION_FAILED') && attempt < 10) continue;
        throw e;
      }
      const tally = await recordResult(store, clock, closed.value, closedBy);
      if (record.agendaItem) await recordDecision(store, record.agendaItem, tally);
      return ok({ vote: record, tally });
    }
  });
}

async function recordResult(store: RecordStore, clock: Clock, vote: ClosedVote, closedBy: string): Promise<Tally> {
  const voteId = vote.id;
  const tally = tallyVote(vote, await sealBox(store, voteId));
  await audit(store, {
    kind: 'vote.closed',
    memberId: closedBy,
    at: clock.now().toISOString(),
    details: { voteId, outcome: tally.outcome.kind, voted: tally.voted, eligible: tally.eligible },
  });
  return tally;
}

/**
 * The count is taken from the box as sealed after the close. Rewriting it under its eTag
 * means a ballot another process had in flight either landed before the seal (and is
 * counted) or fails its own eTag check, reads the vote again and is refused as closed.
 */
async function sealBox(store: RecordStore, voteId: string): Promise<BallotBox> {
  for (let attempt = 1; ; attempt++) {
    const box = await store.get<BallotBox>(BALLOT_BOXES, voteId);
    if (!box) throw new Error(`Ballot box ${voteId} is missing`);
    try {
      await store.replace<BallotBox>(BALLOT_BOXES, voteId, box.value, box.etag);
      return box.value;
    } catch (e) {
      if (!isStoreError(e, 'STORE.PRECONDITION_FAILED') || attempt >= 20) throw e;
    }
  }
}
