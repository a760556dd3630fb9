export type OptionId = string;

/** Standard options carry no label: cards translate them by id (stemme for / mot / avstår). */
export interface VoteOption {
  readonly id: OptionId;
  readonly label?: string;
}

export const FOR = 'for';
export const AGAINST = 'against';
/**
 * Abstaining (avstå) is taking part without casting a vote: it counts towards quorum and
 * participation, never towards a majority (see docs/voting-rules.md).
 */
export const ABSTAIN = 'abstain';

export const motionOptions: readonly VoteOption[] = [{ id: FOR }, { id: AGAINST }, { id: ABSTAIN }];

/** For / against (and abstain) on a proposal, as opposed to a choice among alternatives. */
export function isMotion(options: readonly VoteOption[]): boolean {
  const ids = options.map((o) => o.id);
  return (
    ids.includes(FOR) && ids.includes(AGAINST) && ids.every((id) => id === FOR || id === AGAINST || id === ABSTAIN)
  );
}

export const isAbstention = (option: OptionId): boolean => option === ABSTAIN;
