import type { Electorate } from './electorate';
import { chairKey } from './electorate';
import type { Result } from './result';
import { fail, ok } from './result';
import { settingsProblem } from './ballot-rule';
import type { OptionId } from './vote-option';
import { isMotion as optionsAreMotion } from './vote-option';

export type { OptionId, VoteOption } from './vote-option';
export { ABSTAIN, AGAINST, FOR, motionOptions } from './vote-option';

export type { DecisionRule, InterimResults, Quorum, Secrecy, VoteSettings } from './vote-settings';
export { atLeastHalf, defaultSettings, moreThanHalf } from './vote-settings';
import type { VoteSettings } from './vote-settings';
import { defaultSettings } from './vote-settings';

interface VoteHead {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  /** The agenda item voted on ("6/2026"); absent for a standalone vote. */
  readonly caseNumber?: string;
  readonly settings: VoteSettings;
}

export interface DraftVote extends VoteHead {
  readonly state: 'draft';
}
export interface OpenVote extends VoteHead {
  readonly state: 'open';
  readonly electorate: Electorate;
  readonly openedAt: string;
}
export interface ClosedVote extends VoteHead {
  readonly state: 'closed';
  readonly electorate: Electorate;
  readonly openedAt: string;
  readonly closedAt: string;
}
/** Avstemning. Settings can change only while a draft; the electorate exists from opening. */
export type Vote = DraftVote | OpenVote | ClosedVote;

export function draftVote(head: Omit<VoteHead, 'settings'> & { settings?: Partial<VoteSettings> }): Result<DraftVote> {
  const settings: VoteSettings = { ...defaultSettings, ...head.settings };
  const problem = settingsProblem(settings);
  if (problem) return { ok: false, error: problem };
  return ok({ ...head, settings, state: 'draft' });
}

/** Secrecy, result visibility and who may vote must not move under voters' feet. */
export function changeSettings(vote: Vote, patch: Partial<VoteSettings>): Result<DraftVote> {
  if (vote.state === 'open') return fail('VOTE.FIXED_ONCE_OPEN');
  if (vote.state === 'closed') return fail('VOTE.CLOSED');
  const settings: VoteSettings = { ...vote.settings, ...patch };
  const problem = settingsProblem(settings);
  if (problem) return { ok: false, error: problem };
  return ok({ ...vote, settings });
}

export function openVote(vote: Vote, electorate: Electorate, now: Date): Result<OpenVote> {
  if (vote.state !== 'draft') return fail('VOTE.ALREADY_OPENED');
  if (electorate.kind !== vote.settings.electorate) return fail('VOTE.ELECTORATE_MISMATCH');
  if (electorate.voters.length === 0) return fail('VOTE.EMPTY_ELECTORATE');
  if (vote.settings.chairCastingVote && chairKey(electorate) === undefined) return fail('VOTE.NO_CHAIR');
  if (vote.settings.deadline !== undefined && !deadlineAfter(vote.settings.deadline, now))
    return fail('VOTE.PAST_DEADLINE');
  return ok({ ...vote, state: 'open', electorate, openedAt: now.toISOString() });
}

export function closeVote(vote: Vote, now: Date): Result<ClosedVote> {
  if (vote.state === 'draft') return fail('VOTE.NOT_OPEN');
  if (vote.state === 'closed') return fail('VOTE.CLOSED');
  return ok({ ...vote, state: 'closed', closedAt: now.toISOString() });
}

function deadlineAfter(deadline: string, now: Date): boolean {
  return Date.parse(deadline) > now.getTime();
}

export const isDraft = (vote: Vote): vote is DraftVote => vote.state === 'draft';
export const isOpen = (vote: Vote): vote is OpenVote => vote.state === 'open';
export const isClosed = (vote: Vote): vote is ClosedVote => vote.state === 'closed';
export const isSecret = (vote: Vote): boolean => vote.settings.secrecy === 'secret';

/** For / against (and abstain) on a proposal, as opposed to a choice among alternatives. */
export const isMotion = (vote: Vote): boolean => optionsAreMotion(vote.settings.options);

export function closesInFuture(vote: Vote, now: Date): boolean {
  return vote.state !== 'closed' && vote.settings.deadline !== undefined && deadlineAfter(vote.settings.deadline, now);
}

/** The deadline has passed; ballots are refused even before the scheduler closes the vote. */
export function isPastDeadline(vote: Vote, now: Date): boolean {
  return vote.settings.deadline !== undefined && !deadlineAfter(vote.settings.deadline, now);
}

/** What the scheduler asks at each tick. */
export const dueToClose = (vote: Vote, now: Date): boolean => isOpen(vote) && isPastDeadline(vote, now);

/** A voter may replace their ballot while the vote is open and the vote allows it. */
export const mayChange = (vote: Vote, now: Date): boolean =>
  isOpen(vote) && !isPastDeadline(vote, now) && vote.settings.changeAllowed;

export const hasOption = (vote: Vote, option: OptionId): boolean => vote.settings.options.some((o) => o.id === option);

/**
 * Whether counts may be shown to this viewer now. Once nothing can change (closed, or past the
 * deadline) everyone sees them; before that only as the vote's interim setting allows.
 */
export function showResults(vote: Vote, viewerHasVoted: boolean, now: Date): boolean {
  if (vote.state === 'draft') return false;
  if (vote.state === 'closed' || isPastDeadline(vote, now)) return true;
  const interim = vote.settings.interimResults;
  return interim === 'shown' || (interim === 'after-own-ballot' && viewerHasVoted);
}
