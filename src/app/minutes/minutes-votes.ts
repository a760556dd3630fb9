import { currentBallots } from '../../domain/ballot';
import type { BallotBox } from '../../domain/ballot';
import type { Attendance, RecordedVote } from '../../domain/minutes';
import { voteProblem } from '../../domain/minutes';
import type { AgendaItem } from '../../domain/agenda-item';
import { tallyVote } from '../../domain/tally';
import type { ClosedVote } from '../../domain/vote';
import type { OptionId } from '../../domain/vote-option';
import type { RecordStore } from '../../ports/record-store';
import type { VoteRecord } from '../voting/vote-records';
import { BALLOT_BOXES, VOTES } from '../voting/vote-records';

/** A closed Samråd vote on a case as the minutes record it, and the vedtak it gives, if any. */
export interface ItemVote {
  readonly itemId: string;
  readonly recorded: RecordedVote;
  /** The proposal when the vote adopted it, or the option it chose. */
  readonly decision?: string;
}

/**
 * Named votes show who voted what, secret ones only counts. A named ballot from someone the
 * attendance does not have in the room (a respondent voting for a municipality) cannot be
 * named in the minutes, so that vote is recorded with its counts only.
 */
export function recordedVote(vote: ClosedVote, box: BallotBox, attendance: Attendance): RecordedVote {
  const counts: Record<OptionId, number> = { ...tallyVote(vote, box).counts };
  if (box.secrecy !== 'named') return { proposal: vote.title, named: false, ballots: [], counts };
  const ballots = currentBallots(box).map((b) => ({ memberId: b.castBy, option: b.option }));
  const named: RecordedVote = { proposal: vote.title, named: true, ballots, counts };
  return voteProblem(named, attendance) ? { ...named, named: false, ballots: [] } : named;
}

function decisionOf(vote: ClosedVote, box: BallotBox, item: AgendaItem | undefined): string | undefined {
  const outcome = tallyVote(vote, box).outcome;
  if (outcome.kind === 'adopted') return item?.proposal.kind === 'text' ? item.proposal.text : vote.title;
  if (outcome.kind === 'chosen') {
    const label = vote.settings.options.find((o) => o.id === outcome.option)?.label ?? outcome.option;
    return `${vote.title}: ${label}`;
  }
  return undefined;
}

/** A closed vote on one of the meeting's cases with its sealed ballot box. */
export interface ClosedItemVote {
  readonly vote: VoteRecord & ClosedVote;
  readonly box: BallotBox;
}

/** The closed votes on the meeting's cases, oldest first. */
export async function closedItemVotes(store: RecordStore, meetingId: string): Promise<ClosedItemVote[]> {
  const votes = (await store.find<VoteRecord>(VOTES, { state: 'closed' }))
    .map((r) => r.value)
    .filter((v): v is VoteRecord & ClosedVote => v.state === 'closed' && v.agendaItem?.meetingId === meetingId)
    .sort((a, b) => a.closedAt.localeCompare(b.closedAt));
  const found: ClosedItemVote[] = [];
  for (const vote of votes) {
    const box = (await store.get<BallotBox>(BALLOT_BOXES, vote.id))?.value;
    if (box) found.push({ vote, box });
  }
  return found;
}

/** The votes as the minutes record them for this attendance, with the vedtak each gave. */
export function itemVotesFor(
  closed: readonly ClosedItemVote[],
  agenda: readonly AgendaItem[],
  attendance: Attendance,
): ItemVote[] {
  return closed.flatMap(({ vote, box }) => {
    const itemId = vote.agendaItem?.itemId;
    if (!itemId) return [];
    const decision = decisionOf(
      vote,
      box,
      agenda.find((i) => i.id === itemId),
    );
    return [{ itemId, recorded: recordedVote(vote, box, attendance), ...(decision && { decision }) }];
  });
}
