import type { Meeting } from './meeting';
import { osloDate } from './oslo-time';
import { holdsSeatOn } from './member';
import type { Organisation } from './organisation';
import { deputiesFor } from './pre-meeting';
import type { Result } from './result';
import { fail, ok } from './result';

export const ABSENCE_REASON_MAX = 500;

/** Forfall: a member cannot come to a meeting, says why, and the deputy is called in. */
export interface Absence {
  readonly meetingId: string;
  readonly memberId: string;
  readonly reason: string;
  readonly reportedAt: string;
  /** Deputies in force for the member's seat on the meeting's date; empty when there is none. */
  readonly deputiesCalled: readonly string[];
}

/** Whether the person holds a seat (chair or member) on the body on the meeting's date. */
export function isCalledTo(org: Organisation, meeting: Meeting, memberId: string): boolean {
  const onDate = osloDate(meeting.start);
  return (
    org.members
      .find((p) => p.id === memberId)
      ?.memberships.some(
        (s) => s.body === meeting.bodyId && (s.role === 'chair' || s.role === 'member') && holdsSeatOn(s, onDate),
      ) ?? false
  );
}

/**
 * Records forfall and names the deputies to invite. Reporting again replaces the reason but
 * keeps the first report's time, so the deputy is not invited twice.
 */
export function reportAbsence(
  org: Organisation,
  meeting: Meeting,
  absences: readonly Absence[],
  report: { memberId: string; reason: string },
  now: Date,
): Result<Absence> {
  if (meeting.state === 'cancelled') return fail('MEETING.CANCELLED');
  if (meeting.state === 'held') return fail('MEETING.HELD');
  const reason = report.reason.trim();
  if (reason === '') return fail('MEETING.ABSENCE_REASON_REQUIRED');
  if (reason.length > ABSENCE_REASON_MAX) return fail('MEETING.ABSENCE_REASON_TOO_LONG', { max: ABSENCE_REASON_MAX });
  if (!isCalledTo(org, meeting, report.memberId)) return fail('MEETING.NOT_CALLED');
  const earlier = absences.find((a) => a.meetingId === meeting.id && a.memberId === report.memberId);
  if (earlier) return ok({ ...earlier, reason });
  const deputiesCalled = deputiesFor(org, meeting.bodyId, report.memberId, osloDate(meeting.start));
  return ok({
    meetingId: meeting.id,
    memberId: report.memberId,
    reason,
    reportedAt: now.toISOString(),
    deputiesCalled,
  });
}

/** The absent members of a meeting: what `membersElectorate` takes so a deputy stands in. */
export function absentMemberIds(absences: readonly Absence[], meetingId: string): ReadonlySet<string> {
  return new Set(absences.filter((a) => a.meetingId === meetingId).map((a) => a.memberId));
}

/** Replaces the meeting's record of one member's absence with the new one. */
export function withAbsence(absences: readonly Absence[], absence: Absence): Absence[] {
  return [...absences.filter((a) => !(a.meetingId === absence.meetingId && a.memberId === absence.memberId)), absence];
}
