import type { BallotBox, Cast } from '../../domain/ballot';
import { castBallot } from '../../domain/ballot';
import type { CastRequest } from '../../domain/ballot-rule';
import type { Result } from '../../domain/result';
import { fail } from '../../domain/result';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import type { KeyedLock } from './keyed-lock';
import type { VoteRecord } from './vote-records';
import { BALLOT_BOXES, loadVote } from './vote-records';

export interface CastOutcome extends Cast {
  readonly vote: VoteRecord;
}

/**
 * Records one ballot. The box is written with the eTag it was read with; if another
 * process wrote first, read again and decide again, so nothing is counted twice or lost.
 */
export async function castVoteBallot(
  deps: { store: RecordStore; clock: Clock; lock: KeyedLock },
  request: CastRequest,
): Promise<Result<CastOutcome>> {
  const { store, clock, lock } = deps;
  return lock.run(request.voteId, async () => {
    for (let attempt = 1; ; attempt++) {
      const loaded = await loadVote(store, request.voteId);
      if (!loaded) return fail('VOTE.UNKNOWN', { vote: request.voteId });
      const cast = castBallot(loaded.vote.value, loaded.box.value, request, clock.now());
      if (!cast.ok || !cast.value.recorded) return cast.ok ? { ok: true, value: { ...cast.value, vote: loaded.vote.value } } : cast;
      try {
        await store.replace<BallotBox>(BALLOT_BOXES, request.voteId, cast.value.box, loaded.box.etag);
        return { ok: true, value: { ...cast.value, vote: loaded.vote.value } };
      } catch (e) {
        if (!isStoreError(e, 'STORE.PRECONDITION_FAILED') || attempt >= 20) throw e;
      }
    }
  });
}
