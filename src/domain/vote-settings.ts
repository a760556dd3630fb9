import type { ElectorateKind } from './electorate';
import type { VoteOption } from './vote-option';
import { motionOptions } from './vote-option';

/** Majority of votes cast, two thirds of votes cast, or every eligible voter for. */
export type DecisionRule = 'simple-majority' | 'two-thirds' | 'unanimity';

/** How many of the eligible must take part: a share of them, reached (`strict: false`) or exceeded. */
export type Quorum =
  | { readonly kind: 'none' }
  | { readonly kind: 'share'; readonly numerator: number; readonly denominator: number; readonly strict: boolean };

/** "Minst halvparten" as in kommuneloven § 11-9. */
export const atLeastHalf: Quorum = { kind: 'share', numerator: 1, denominator: 2, strict: false };
export const moreThanHalf: Quorum = { kind: 'share', numerator: 1, denominator: 2, strict: true };

export type Secrecy = 'named' | 'secret';

/** Whether counts show while the vote is open: always, to those who have voted, or never. */
export type InterimResults = 'shown' | 'after-own-ballot' | 'hidden';

export interface VoteSettings {
  readonly options: readonly VoteOption[];
  readonly electorate: ElectorateKind;
  readonly rule: DecisionRule;
  readonly quorum: Quorum;
  readonly secrecy: Secrecy;
  readonly interimResults: InterimResults;
  readonly changeAllowed: boolean;
  /** The chair's ballot decides a tie (kommuneloven § 11-9); off unless the vote says so. */
  readonly chairCastingVote: boolean;
  /** ISO instant; without one the vote closes by hand. */
  readonly deadline?: string;
}

export const defaultSettings: VoteSettings = {
  options: motionOptions,
  electorate: 'members',
  rule: 'simple-majority',
  quorum: atLeastHalf,
  secrecy: 'named',
  interimResults: 'hidden',
  changeAllowed: true,
  chairCastingVote: false,
};
