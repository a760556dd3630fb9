import type { Cast } from '../../domain/ballot';
import type { VoteRecord } from './vote-records';

/** A recorded ballot, with the vote as it stands after it. */

export interface CastOutcome extends Cast {
  readonly vote: VoteRecord;
}
