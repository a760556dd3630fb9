import type { Meeting } from './meeting';
import type { Minutes } from './minutes';
import { isLocked } from './minutes';
import { approveMinutes, missingDecision } from './minutes-approval';
import type { Result } from './result';
import { fail, ok } from './result';

/** One member's approval of the minutes on the approval card. */
export interface MemberApproval {
  readonly memberId: string;
  readonly at: string;
}

/** Those who took part in the meeting: the members present and the deputies who met. */
export const attendeesOf = (m: Minutes): string[] => [
  ...m.content.attendance.present,
  ...m.content.attendance.deputies.map((d) => d.memberId),
];

/** Approval on the card needs more than half of those who took part, as a quorum would. */
export const approvalsNeeded = (m: Minutes): number => Math.floor(attendeesOf(m).length / 2) + 1;

export interface MemberApproved {
  readonly minutes: Minutes;
  readonly approvals: readonly MemberApproval[];
  /** False when this member had approved already: nothing changed. */
  readonly recorded: boolean;
}

/**
 * A member who took part approves the minutes on the card. Once more than half have, the
 * minutes are approved by those members and locked. Approving twice is not an error.
 */
export function approveAsMember(
  minutes: Minutes,
  meeting: Meeting,
  approvals: readonly MemberApproval[],
  memberId: string,
  now: Date,
): Result<MemberApproved> {
  if (isLocked(minutes)) return fail('MINUTES.ALREADY_APPROVED');
  if (!attendeesOf(minutes).includes(memberId)) return fail('MINUTES.NOT_AN_ATTENDEE');
  const missing = missingDecision(meeting, minutes);
  if (missing) return fail('MINUTES.DECISION_MISSING', { itemId: missing });
  if (approvals.some((a) => a.memberId === memberId)) return ok({ minutes, approvals, recorded: false });
  const next = [...approvals, { memberId, at: now.toISOString() }];
  if (next.length < approvalsNeeded(minutes)) return ok({ minutes, approvals: next, recorded: true });
  const approved = approveMinutes(minutes, meeting, { members: next.map((a) => a.memberId) }, now);
  if (!approved.ok) return approved;
  return ok({ minutes: approved.value, approvals: next, recorded: true });
}

/** Whether a save changes any case's vedtak: after approval only a new version may do that. */
export function decisionsDiffer(a: Minutes['content'], b: Minutes['content']): boolean {
  const decisionOf = (c: Minutes['content'], id: string) => c.items.find((i) => i.itemId === id)?.decision.trim() ?? '';
  const ids = new Set([...a.items, ...b.items].map((i) => i.itemId));
  return [...ids].some((id) => decisionOf(a, id) !== decisionOf(b, id));
}
