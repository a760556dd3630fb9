import type { Body } from './body';
import type { Meeting } from './meeting';
import type { TimeOffset } from './oslo-time';
import { instantBefore, offsetIsPositive, osloDate } from './oslo-time';
import { holdsSeatOn, representedMunicipality } from './member';
import type { Organisation } from './organisation';
import type { DomainError, Result } from './result';
import { fail, ok } from './result';

/**
 * A body's rule for the municipal side's formøte before each of its meetings: when (an offset
 * before the main meeting: `{ hours: 2 }` as in Agder, `{ days: 14 }` as in Stavanger) and for
 * how long. Days keep the Oslo wall-clock time across a daylight-saving change; hours are
 * elapsed time (see oslo-time.ts).
 */
export interface PreMeetingRule {
  readonly bodyId: string;
  readonly offset: TimeOffset;
  readonly durationMinutes: number;
  /** Who is called: the body's members that represent a municipality (not the trust's). */
  readonly attendees: 'municipal-members';
}

export const DEFAULT_PRE_MEETING_MINUTES = 60;

/** The body's pre-meeting rule, when the organisation gives it one. */
export const preMeetingRuleOf = (body: Body): PreMeetingRule | undefined =>
  body.preMeeting && {
    bodyId: body.id,
    offset: body.preMeeting.offset,
    durationMinutes: body.preMeeting.durationMinutes,
    attendees: 'municipal-members',
  };

/** A formøte follows its main meeting: it is never moved or cancelled on its own. */
export interface PreMeeting {
  readonly meetingId: string;
  readonly bodyId: string;
  readonly start: string;
  readonly end: string;
  readonly state: 'planned' | 'cancelled';
  /** Member ids called, in organisation order. */
  readonly attendees: readonly string[];
  readonly version: number;
}

export const offsetIsBefore = (r: PreMeetingRule): boolean => offsetIsPositive(r.offset);
export const durationIsPositive = (r: PreMeetingRule): boolean =>
  Number.isInteger(r.durationMinutes) && r.durationMinutes > 0;

export function preMeetingRuleProblem(r: PreMeetingRule): DomainError | undefined {
  if (!offsetIsBefore(r)) return { code: 'MEETING.BAD_PRE_MEETING_OFFSET' };
  if (!durationIsPositive(r)) return { code: 'MEETING.BAD_PRE_MEETING_DURATION' };
  return undefined;
}

/**
 * Members of the body on the date whose seat (chair or member) speaks for a municipality.
 * One who has reported absence is replaced by their deputies, as in the main meeting.
 */
export function municipalMembers(
  org: Organisation,
  bodyId: string,
  onDate: string,
  absent: ReadonlySet<string> = new Set(),
): string[] {
  const called: string[] = [];
  for (const member of org.members) {
    const seat = member.memberships.find(
      (s) =>
        s.body === bodyId &&
        (s.role === 'chair' || s.role === 'member') &&
        holdsSeatOn(s, onDate) &&
        representedMunicipality(s) !== undefined,
    );
    if (!seat) continue;
    const deputies = absent.has(member.id) ? deputiesFor(org, bodyId, member.id, onDate) : [];
    for (const id of deputies.length > 0 ? deputies : absent.has(member.id) ? [] : [member.id])
      if (!called.includes(id)) called.push(id);
  }
  return called;
}

/** The deputies (vara) in force for a member on a body, in organisation order. */
export function deputiesFor(org: Organisation, bodyId: string, memberId: string, onDate: string): string[] {
  return org.members
    .filter((p) =>
      p.memberships.some(
        (s) => s.body === bodyId && s.role === 'deputy' && s.deputyFor === memberId && holdsSeatOn(s, onDate),
      ),
    )
    .map((p) => p.id);
}

function timesFor(rule: PreMeetingRule, meeting: Meeting): { start: string; end: string } {
  const start = instantBefore(meeting.start, rule.offset);
  return { start, end: new Date(Date.parse(start) + rule.durationMinutes * 60_000).toISOString() };
}

export interface DerivedPreMeeting {
  readonly preMeeting: PreMeeting;
  readonly warnings: readonly DomainError[];
}

/**
 * The formøte for a newly planned meeting. A pre-meeting that would run into the main meeting
 * is refused (the rule is wrong for the body); one already in the past (the meeting was
 * planned at short notice) is a warning, since the meeting itself is still fine.
 */
export function derivePreMeeting(
  rule: PreMeetingRule,
  meeting: Meeting,
  org: Organisation,
  now: Date,
  absent: ReadonlySet<string> = new Set(),
): Result<DerivedPreMeeting> {
  if (rule.bodyId !== meeting.bodyId) return fail('MEETING.PRE_MEETING_OTHER_BODY');
  const problem = preMeetingRuleProblem(rule);
  if (problem) return { ok: false, error: problem };
  const { start, end } = timesFor(rule, meeting);
  if (Date.parse(end) > Date.parse(meeting.start)) return fail('MEETING.PRE_MEETING_OVERLAPS_MAIN');
  const attendees = municipalMembers(org, meeting.bodyId, osloDate(meeting.start), absent);
  const preMeeting: PreMeeting = {
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
    start,
    end,
    state: 'planned',
    attendees,
    version: 1,
  };
  const warnings = Date.parse(start) <= now.getTime() ? [{ code: 'MEETING.PRE_MEETING_IN_PAST' as const }] : [];
  return ok({ preMeeting, warnings });
}

/**
 * Brings the formøte in line with its main meeting after a move or a cancellation. Returns the
 * same object when nothing changed, so the caller knows not to send an update.
 */
export function followMainMeeting(pre: PreMeeting, rule: PreMeetingRule, meeting: Meeting): PreMeeting {
  if (pre.meetingId !== meeting.id || pre.state === 'cancelled') return pre;
  if (meeting.state === 'cancelled') return { ...pre, state: 'cancelled', version: pre.version + 1 };
  if (meeting.state === 'held') return pre;
  const { start, end } = timesFor(rule, meeting);
  if (start === pre.start && end === pre.end) return pre;
  return { ...pre, start, end, version: pre.version + 1 };
}
