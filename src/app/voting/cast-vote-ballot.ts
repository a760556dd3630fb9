import type { CastOutcome } from './cast-outcome';
import type { CastRequest } from '../../domain/cast-request';
import type { Result } from '../../domain/result';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { BallotBatcher } from './ballot-batcher';
import type { KeyedLock } from './keyed-lock';

// One batcher per process, found by the process's vote lock.
const batchers = new WeakMap<KeyedLock, BallotBatcher>();

/**
 * Records one ballot. Ballots arriving together are written together (see BallotBatcher);
 * the box is written with the eTag it was read with, so if another process wrote first
 * the ballots are decided again on the new box: nothing counted twice, nothing lost.
 */
export function castVoteBallot(
  deps: { store: RecordStore; clock: Clock; lock: KeyedLock },
  request: CastRequest,
): Promise<Result<CastOutcome>> {
  let batcher = batchers.get(deps.lock);
  if (!batcher) {
    batcher = new BallotBatcher(deps);
    batchers.set(deps.lock, batcher);
  }
  return batcher.cast(request);
}
