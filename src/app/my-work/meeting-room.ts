import type { BallotBox } from '../../domain/ballot';
import { hasVoted } from '../../domain/ballot';
import { keysCastableBy } from '../../domain/electorate';
import { tallyVote } from '../../domain/tally';
import { showResults } from '../../domain/vote';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { mayCloseVote } from '../voting/vote-actions';
import { BALLOT_BOXES, VOTES, type VoteRecord } from '../voting/vote-records';
import type { TabActor } from './tab-actor';

/**
 * The meeting side panel and stage: the votes running now (and those closed in the last day),
 * as this person may see them. Counts only where the vote's own rules show results
 * (`showResults`, the card's rule); a secret vote gives nothing more than its counts.
 */
export interface RoomVote {
  readonly voteId: string;
  readonly title: string;
  readonly caseNumber?: string;
  readonly state: 'open' | 'closed';
  readonly voted: number;
  readonly eligible: number;
  readonly mayClose: boolean;
  /** Voter keys this person may still cast. */
  readonly castable: readonly string[];
  readonly options: readonly { readonly id: string; readonly label?: string; readonly count?: number }[];
  readonly outcome?: string;
}

const RECENT_MS = 24 * 60 * 60_000;

/**
 * `meetingId`: the Samråd meeting the panel is in, when known; a vote on another meeting's case
 * is then left out (votes on no case still show: they were opened in the meeting).
 */
export async function meetingRoom(
  deps: { store: RecordStore; clock: Clock },
  actor: TabActor,
  meetingId?: string,
): Promise<RoomVote[]> {
  const now = deps.clock.now();
  const [open, closed] = await Promise.all([
    deps.store.find<VoteRecord>(VOTES, { state: 'open' }),
    deps.store.find<VoteRecord>(VOTES, { state: 'closed' }),
  ]);
  const recent = closed.filter(
    ({ value: v }) => v.state === 'closed' && now.getTime() - Date.parse(v.closedAt) < RECENT_MS,
  );
  const votes: RoomVote[] = [];
  for (const { value: vote } of [...open, ...recent]) {
    if (vote.state === 'draft') continue;
    if (meetingId && vote.agendaItem && vote.agendaItem.meetingId !== meetingId) continue;
    const box = (await deps.store.get<BallotBox>(BALLOT_BOXES, vote.id))?.value;
    if (!box) continue;
    const keys = keysCastableBy(vote.electorate, actor.member.id);
    const mayClose = mayCloseVote(vote, actor.member, actor.roles);
    if (keys.length === 0 && !mayClose) continue; // Not this person's vote.
    const tally = tallyVote(vote, box);
    const visible = showResults(
      vote,
      keys.some((k) => hasVoted(box, k)),
      now,
    );
    votes.push({
      voteId: vote.id,
      title: vote.title,
      ...(vote.caseNumber && { caseNumber: vote.caseNumber }),
      state: vote.state,
      voted: tally.voted,
      eligible: tally.eligible,
      mayClose: mayClose && vote.state === 'open',
      castable: vote.state === 'open' ? keys.filter((k) => !hasVoted(box, k)) : [],
      options: vote.settings.options.map((o) => ({
        id: o.id,
        ...(o.label && { label: o.label }),
        ...(visible && { count: tally.counts[o.id] ?? 0 }),
      })),
      ...(visible && { outcome: tally.outcome.kind }),
    });
  }
  return votes;
}
