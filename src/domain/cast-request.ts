import type { DomainError } from './result';
import type { Vote } from './vote';
import type { OptionId } from './vote-option';
import type { VoterKey } from './electorate';

/** What a voter's click asks for. `castBy` is the authenticated person, never the payload's claim. */
export interface CastRequest {
  readonly voteId: string;
  readonly castBy: string;
  /** Whose vote: needed only when the person may cast more than one (a respondent for two municipalities). */
  readonly voterKey?: VoterKey;
  readonly option: OptionId;
  /** The same key (the Teams invoke id) arriving twice counts once. */
  readonly idempotencyKey: string;
  /** The agenda item was withdrawn (trukket) after the vote opened. */
  readonly itemWithdrawn?: boolean;
}

/**
 * Refusals that depend on the vote alone: the wrong vote or a withdrawn item first, then
 * time. Who may vote and what they chose are checked after (see ballot.ts), so a person with
 * no vote learns nothing about the options from the answer.
 */
export function castRefusal(vote: Vote, request: CastRequest, now: Date): DomainError | undefined {
  if (request.voteId !== vote.id) return { code: 'VOTE.OTHER_VOTE' };
  if (request.itemWithdrawn) return { code: 'VOTE.ITEM_WITHDRAWN' };
  if (vote.state === 'draft') return { code: 'VOTE.NOT_OPEN' };
  if (vote.state === 'closed') return { code: 'VOTE.CLOSED' };
  if (vote.settings.deadline !== undefined && Date.parse(vote.settings.deadline) <= now.getTime())
    return { code: 'VOTE.PAST_DEADLINE' };
  return undefined;
}
