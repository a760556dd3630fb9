import type { DomainError } from './result';
import type { ErrorCode } from './error-catalogue';
import type { VoteSettings } from './vote-settings';
import { isAbstention, isMotion } from './vote-option';

/*
 * The rules a vote's settings must keep, each under its own name and code. Every predicate
 * answers "does the rule hold?"; settingsProblem reports the first rule broken.
 */

/**
 * A secret ballot cannot be changed. Replacing a ballot means finding the earlier one, and
 * anything that finds a voter's earlier choice links the voter to it; keeping no such handle
 * is what makes the ballot secret.
 */
export const secretCannotChange = (s: VoteSettings): boolean => s.secrecy !== 'secret' || !s.changeAllowed;

/**
 * A secret ballot shows no interim results: with counts moving live beside a visible list of
 * who has voted, anyone watching could pair the next name with the count that just rose.
 */
export const secretCannotRevealEarly = (s: VoteSettings): boolean =>
  s.secrecy !== 'secret' || s.interimResults === 'hidden';

/**
 * The chair's casting vote needs the chair's ballot, which a secret vote does not keep.
 * The law agrees: a tie in a secret vote (elections, appointments) is settled by lot.
 */
export const secretHasNoCastingVote = (s: VoteSettings): boolean => s.secrecy !== 'secret' || !s.chairCastingVote;

export const optionsAreDistinct = (s: VoteSettings): boolean =>
  new Set(s.options.map((o) => o.id)).size === s.options.length;

/** Something to choose between: two options that are not abstaining. */
export const atLeastTwoChoices = (s: VoteSettings): boolean => s.options.filter((o) => !isAbstention(o.id)).length >= 2;

/** Custom alternatives carry their own labels; a card cannot show a blank choice. */
export const alternativesAreLabelled = (s: VoteSettings): boolean =>
  isMotion(s.options) || s.options.every((o) => isAbstention(o.id) || (o.label ?? '').trim() !== '');

/**
 * Two thirds and unanimity are measured on "for"; among alternatives there is no "for", so
 * the alternative with most votes wins and the rule must be the simple one.
 */
export const alternativesDecideByMostVotes = (s: VoteSettings): boolean =>
  isMotion(s.options) || s.rule === 'simple-majority';

/** A share between nothing and everyone; "more than all" could never be met. */
export function quorumIsReachable(s: VoteSettings): boolean {
  const q = s.quorum;
  if (q.kind === 'none') return true;
  if (!Number.isInteger(q.numerator) || !Number.isInteger(q.denominator) || q.numerator <= 0 || q.denominator <= 0)
    return false;
  return q.strict ? q.numerator < q.denominator : q.numerator <= q.denominator;
}

export const deadlineIsAnInstant = (s: VoteSettings): boolean =>
  s.deadline === undefined || (/T.*(Z|[+-]\d\d:\d\d)$/.test(s.deadline) && !Number.isNaN(Date.parse(s.deadline)));

const settingsRules: readonly { readonly code: ErrorCode; readonly holds: (s: VoteSettings) => boolean }[] = [
  { code: 'VOTE.DUPLICATE_OPTION', holds: optionsAreDistinct },
  { code: 'VOTE.TOO_FEW_OPTIONS', holds: atLeastTwoChoices },
  { code: 'VOTE.UNLABELLED_OPTION', holds: alternativesAreLabelled },
  { code: 'VOTE.ALTERNATIVES_NEED_MAJORITY', holds: alternativesDecideByMostVotes },
  { code: 'VOTE.BAD_QUORUM', holds: quorumIsReachable },
  { code: 'VOTE.BAD_DEADLINE', holds: deadlineIsAnInstant },
  { code: 'VOTE.SECRET_CANNOT_CHANGE', holds: secretCannotChange },
  { code: 'VOTE.SECRET_HIDES_INTERIM', holds: secretCannotRevealEarly },
  { code: 'VOTE.SECRET_NO_CASTING_VOTE', holds: secretHasNoCastingVote },
];

export function settingsProblem(s: VoteSettings): DomainError | undefined {
  const broken = settingsRules.find((r) => !r.holds(s));
  return broken ? { code: broken.code } : undefined;
}
