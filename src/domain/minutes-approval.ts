import type { Meeting } from './meeting';
import type { Minutes, MinutesContent } from './minutes';
import { contentProblem, isLocked } from './minutes';
import type { Result } from './result';
import { fail, ok } from './result';

/** Every case still on the agenda has its vedtak written before the minutes can be approved. */
export function missingDecision(meeting: Meeting, minutes: Minutes): string | undefined {
  return meeting.agenda
    .filter((i) => i.status !== 'withdrawn')
    .find((i) => (minutes.content.items.find((m) => m.itemId === i.id)?.decision ?? '').trim() === '')?.id;
}

/**
 * Approval, at the next meeting (`{ meeting: id }`, under its minutes-approval item) or by the
 * members on a card (`{ members: [...] }`). Locks the minutes.
 */
export function approveMinutes(
  minutes: Minutes,
  meeting: Meeting,
  by: NonNullable<Minutes['approval']>['by'],
  now: Date,
): Result<Minutes> {
  if (minutes.meetingId !== meeting.id) return fail('MINUTES.OTHER_MEETING');
  if (isLocked(minutes)) return fail('MINUTES.ALREADY_APPROVED');
  if ('members' in by && by.members.length === 0) return fail('MINUTES.NO_APPROVERS');
  const missing = missingDecision(meeting, minutes);
  if (missing) return fail('MINUTES.DECISION_MISSING', { itemId: missing });
  return ok({ ...minutes, status: 'approved', approval: { at: now.toISOString(), by } });
}

export const AMENDMENT_REASON_MAX = 500;

/**
 * A change to approved minutes: never an edit in place. The approved version moves to
 * `earlier` and the change becomes the next version, saying who changed it, when and why.
 * It keeps the approval it corrects; the change itself is on record for the next meeting.
 */
export function amendMinutes(
  minutes: Minutes,
  meeting: Meeting,
  change: { content: MinutesContent; by: string; reason: string },
  now: Date,
): Result<Minutes> {
  if (minutes.meetingId !== meeting.id) return fail('MINUTES.OTHER_MEETING');
  if (!isLocked(minutes)) return fail('MINUTES.NOT_APPROVED');
  const reason = change.reason.trim();
  if (reason === '') return fail('MINUTES.REASON_REQUIRED');
  if (reason.length > AMENDMENT_REASON_MAX) return fail('MINUTES.REASON_TOO_LONG', { max: AMENDMENT_REASON_MAX });
  const problem = contentProblem(meeting, change.content);
  if (problem) return problem;
  const { earlier, ...previous } = minutes;
  return ok({
    ...minutes,
    version: minutes.version + 1,
    content: change.content,
    change: { at: now.toISOString(), by: change.by, reason },
    earlier: [...earlier, previous],
  });
}

/** The decisions (vedtak) of the meeting, in agenda order, for follow-up and the notice of the next meeting. */
export function decisionsOf(meeting: Meeting, minutes: Minutes): { itemId: string; decision: string }[] {
  return meeting.agenda.flatMap((i) => {
    const decision = minutes.content.items.find((m) => m.itemId === i.id)?.decision.trim() ?? '';
    return i.status !== 'withdrawn' && decision !== '' ? [{ itemId: i.id, decision }] : [];
  });
}
