import type { BallotBox } from './ballot';
import { currentBallots, notVotedYet } from './ballot';
import type { VoterKey } from './electorate';
import { chairKey } from './electorate';
import type { ClosedVote, OpenVote, Quorum } from './vote';
import { isMotion } from './vote';
import type { OptionId } from './vote-option';
import { ABSTAIN, AGAINST, FOR, isAbstention } from './vote-option';

/**
 * Utfall. A motion is adopted or rejected; a tie on a motion rejects it (forslaget faller)
 * unless the chair's casting vote decides. Among alternatives one is chosen, or several tie.
 */
export type Outcome =
  | { readonly kind: 'adopted'; readonly byCastingVote?: true }
  | { readonly kind: 'rejected'; readonly tie?: true; readonly byCastingVote?: true }
  | { readonly kind: 'no-quorum' }
  | { readonly kind: 'chosen'; readonly option: OptionId; readonly byCastingVote?: true }
  | { readonly kind: 'tie'; readonly options: readonly OptionId[] };

export interface Tally {
  /** Current ballots per option, abstentions included. */
  readonly counts: Readonly<Record<OptionId, number>>;
  /** Keys that have taken part, abstaining or not: "9 of 14 have voted". */
  readonly voted: number;
  readonly eligible: number;
  /** Votes cast: every ballot that is not an abstention. Majorities are of these. */
  readonly cast: number;
  /** Named votes only: a secret vote's card does not list who stayed away. */
  readonly notVoted?: readonly VoterKey[];
  readonly quorum: { readonly required: number; readonly met: boolean };
  readonly outcome: Outcome;
}

/** The fewest voters that make a quorum, counted in whole people. */
export function quorumRequired(quorum: Quorum, eligible: number): number {
  if (quorum.kind === 'none') return 0;
  const scaled = eligible * quorum.numerator; // compare n/d shares in integers: no rounding drift
  return quorum.strict ? Math.floor(scaled / quorum.denominator) + 1 : Math.ceil(scaled / quorum.denominator);
}

/** Counts, participation and the outcome under the vote's rule. Interim while open; final once closed. */
export function tallyVote(vote: OpenVote | ClosedVote, box: BallotBox): Tally {
  const counts: Record<OptionId, number> = {};
  for (const o of vote.settings.options) counts[o.id] = 0;
  let voted: number;
  let chairChoice: OptionId | undefined;
  if (box.secrecy === 'named') {
    const ballots = currentBallots(box);
    for (const b of ballots) counts[b.option] = (counts[b.option] ?? 0) + 1;
    voted = ballots.length;
    const chair = chairKey(vote.electorate);
    chairChoice = ballots.find((b) => b.voterKey === chair)?.option;
  } else {
    for (const [option, n] of Object.entries(box.choices)) counts[option] = n;
    voted = box.participation.length;
  }
  const eligible = vote.electorate.voters.length;
  const cast = Object.entries(counts).reduce((sum, [option, n]) => (isAbstention(option) ? sum : sum + n), 0);
  const required = quorumRequired(vote.settings.quorum, eligible);
  const met = voted >= required;
  const casting = vote.settings.chairCastingVote ? chairChoice : undefined;
  const outcome: Outcome = !met
    ? { kind: 'no-quorum' }
    : isMotion(vote)
      ? motionOutcome(vote.settings.rule, counts, eligible, casting)
      : alternativesOutcome(counts, casting);
  return {
    counts,
    voted,
    eligible,
    cast,
    ...(box.secrecy === 'named' ? { notVoted: notVotedYet(vote, box) } : {}),
    quorum: { required, met },
    outcome,
  };
}

function motionOutcome(
  rule: OpenVote['settings']['rule'],
  counts: Readonly<Record<OptionId, number>>,
  eligible: number,
  casting: OptionId | undefined,
): Outcome {
  const yes = counts[FOR] ?? 0;
  const no = counts[AGAINST] ?? 0;
  switch (rule) {
    case 'unanimity':
      // Of all eligible, not of those who turned up: an abstention or a missing voter blocks it.
      return yes === eligible ? { kind: 'adopted' } : { kind: 'rejected' };
    case 'two-thirds':
      return yes + no > 0 && 3 * yes >= 2 * (yes + no) ? { kind: 'adopted' } : { kind: 'rejected' };
    case 'simple-majority':
      if (yes > no) return { kind: 'adopted' };
      if (yes < no) return { kind: 'rejected' };
      if (casting === FOR) return { kind: 'adopted', byCastingVote: true };
      if (casting === AGAINST) return { kind: 'rejected', tie: true, byCastingVote: true };
      return { kind: 'rejected', tie: true };
  }
}

function alternativesOutcome(counts: Readonly<Record<OptionId, number>>, casting: OptionId | undefined): Outcome {
  const choices = Object.entries(counts).filter(([option]) => option !== ABSTAIN);
  const most = Math.max(...choices.map(([, n]) => n));
  const leaders = choices.filter(([, n]) => n === most).map(([option]) => option);
  if (leaders.length === 1) return { kind: 'chosen', option: leaders[0]! };
  if (casting !== undefined && leaders.includes(casting))
    return { kind: 'chosen', option: casting, byCastingVote: true };
  return { kind: 'tie', options: leaders };
}
