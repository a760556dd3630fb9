import type { BallotBox } from '../../domain/ballot';
import type { Vote } from '../../domain/vote';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { shortId } from '../short-id';
import type { AgendaItemRef } from './agenda-link';

/** Votes and their ballot boxes live in two lists: a ballot never rewrites the vote. */
export const VOTES = 'votes';
export const BALLOT_BOXES = 'ballotBoxes';

/** Where the vote's card was posted, so it can be updated in place. */
export interface PostedCard {
  readonly conversationId: string;
  readonly activityId: string;
}

export type VoteRecord = Vote & {
  readonly openedBy: string;
  readonly conversationId?: string;
  readonly posted?: PostedCard;
  /** The case on a meeting's agenda the vote decides, if any. */
  readonly agendaItem?: AgendaItemRef;
};

export async function loadVote(
  store: RecordStore,
  voteId: string,
): Promise<{ vote: StoredRecord<VoteRecord>; box: StoredRecord<BallotBox> } | undefined> {
  const [vote, box] = await Promise.all([
    store.get<VoteRecord>(VOTES, voteId),
    store.get<BallotBox>(BALLOT_BOXES, voteId),
  ]);
  return vote && box ? { vote, box } : undefined;
}

/** Vote ids are short ids people can type: `stemmer K7P3Q`. */
export const newVoteId = (random: () => number = Math.random): string => shortId(random);
