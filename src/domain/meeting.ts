import type { AgendaItem } from './agenda-item';
import type { ErrorCode } from './error-catalogue';
import { minutesApprovalItem } from './agenda-item';
import { nextCaseNumber } from './case-number';
import { intervalsOverlap, isInstant, osloYear } from './oslo-time';
import type { DomainError, Result } from './result';
import { fail, ok } from './result';

/** A planned meeting can be moved, cancelled or held; held and cancelled are final. */
export type MeetingState = 'planned' | 'cancelled' | 'held';

/** What the coordinator fills in on the form. Times are ISO instants; cards show them in Europe/Oslo. */
export interface MeetingDetails {
  readonly bodyId: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  /** A room and address; a meeting needs a place, a Teams meeting, or both. */
  readonly place?: string;
  readonly online?: boolean;
  readonly joinUrl?: string;
  readonly notes?: string;
}

/** Et møte. The agenda lives inside it so that one version number covers both. */
export interface Meeting extends MeetingDetails {
  readonly id: string;
  /** The year in Oslo of the start; meeting and case numbers run per body and year. */
  readonly year: number;
  /** "Møte 3/2026": the body's third meeting planned in 2026. */
  readonly number: number;
  readonly state: MeetingState;
  /**
   * Raised by every change a reader could have seen (time, place, agenda). A card carries the
   * version it was drawn from; an answer from an older card is refused as stale.
   */
  readonly version: number;
  readonly agenda: readonly AgendaItem[];
  readonly cancelled?: { readonly at: string; readonly reason?: string };
  readonly heldAt?: string;
}

/** What a rule needs to know beside the meeting: the time now and the bodies that exist. */
export interface MeetingContext {
  readonly now: Date;
  readonly bodyIds: ReadonlySet<string>;
  /** The body's other meetings: for numbers and the overlap warning. */
  readonly meetings: readonly Meeting[];
}

export const bodyGiven = (d: MeetingDetails): boolean => d.bodyId.trim() !== '';
export const bodyKnown = (d: MeetingDetails, c: MeetingContext): boolean => c.bodyIds.has(d.bodyId);
export const titleGiven = (d: MeetingDetails): boolean => d.title.trim() !== '';
export const timesAreInstants = (d: MeetingDetails): boolean => isInstant(d.start) && isInstant(d.end);
export const endsAfterStart = (d: MeetingDetails): boolean => Date.parse(d.end) > Date.parse(d.start);
/** Starting now counts as the past: a notice could not reach anyone in time. */
export const startsInFuture = (d: MeetingDetails, c: MeetingContext): boolean => Date.parse(d.start) > c.now.getTime();
export const hasPlaceOrLink = (d: MeetingDetails): boolean => (d.place ?? '').trim() !== '' || d.online === true;
/** A join link, when given, is a web address Teams can open. */
export const joinUrlIsWeb = (d: MeetingDetails): boolean =>
  d.joinUrl === undefined || /^https:\/\/\S+$/i.test(d.joinUrl);

const rules: readonly {
  readonly code: ErrorCode;
  readonly field: string;
  readonly holds: (d: MeetingDetails, c: MeetingContext) => boolean;
}[] = [
  { code: 'MEETING.BODY_REQUIRED', field: 'bodyId', holds: bodyGiven },
  { code: 'MEETING.UNKNOWN_BODY', field: 'bodyId', holds: bodyKnown },
  { code: 'MEETING.TITLE_REQUIRED', field: 'title', holds: titleGiven },
  { code: 'MEETING.BAD_TIME', field: 'start', holds: timesAreInstants },
  { code: 'MEETING.END_NOT_AFTER_START', field: 'end', holds: endsAfterStart },
  { code: 'MEETING.IN_PAST', field: 'start', holds: startsInFuture },
  { code: 'MEETING.PLACE_REQUIRED', field: 'place', holds: hasPlaceOrLink },
  { code: 'MEETING.BAD_JOIN_URL', field: 'joinUrl', holds: joinUrlIsWeb },
];

/**
 * Every rule the details break, each naming its form field, so the card can mark all of them
 * at once. Rules after a broken body or time rule that depend on it are not reported twice.
 */
export function meetingProblems(d: MeetingDetails, c: MeetingContext): DomainError[] {
  const broken = rules.filter((r) => !r.holds(d, c));
  const codes = new Set(broken.map((r) => r.code));
  return broken
    .filter((r) => !(r.code === 'MEETING.UNKNOWN_BODY' && codes.has('MEETING.BODY_REQUIRED')))
    .filter(
      (r) =>
        !(codes.has('MEETING.BAD_TIME') && (r.code === 'MEETING.END_NOT_AFTER_START' || r.code === 'MEETING.IN_PAST')),
    )
    .map((r) => ({ code: r.code, params: { field: r.field } }));
}

/** Overlap is allowed (two sessions of one body can run back to back or in parallel) but worth a warning. */
export function overlapWarnings(d: MeetingDetails & { id?: string }, others: readonly Meeting[]): DomainError[] {
  return others
    .filter((m) => m.id !== d.id && m.bodyId === d.bodyId && m.state !== 'cancelled' && intervalsOverlap(m, d))
    .map((m) => ({ code: 'MEETING.OVERLAPS', params: { meetingId: m.id, title: m.title } }));
}

/** Numbers are not reused: a cancelled meeting keeps its number, as its case numbers are kept. */
export function nextMeetingNumber(meetings: readonly Meeting[], bodyId: string, year: number): number {
  return Math.max(0, ...meetings.filter((m) => m.bodyId === bodyId && m.year === year).map((m) => m.number)) + 1;
}

export interface Planned {
  readonly meeting: Meeting;
  /** Not refusals: the coordinator sees them and may go on. */
  readonly warnings: readonly DomainError[];
}

/** Plans a meeting with its first item, approval of the previous minutes, already on the agenda. */
export function planMeeting(id: string, d: MeetingDetails, c: MeetingContext): Result<Planned> {
  const problem = meetingProblems(d, c)[0];
  if (problem) return { ok: false, error: problem };
  const start = new Date(d.start).toISOString();
  const end = new Date(d.end).toISOString();
  const year = osloYear(start);
  const meeting: Meeting = {
    ...d,
    title: d.title.trim(),
    start,
    end,
    id,
    year,
    number: nextMeetingNumber(c.meetings, d.bodyId, year),
    state: 'planned',
    version: 1,
    agenda: [minutesApprovalItem(id, nextCaseNumber(c.meetings, d.bodyId, year))],
  };
  return ok({ meeting, warnings: overlapWarnings(meeting, c.meetings) });
}

/** Held and cancelled meetings are history: nothing about them changes any more. */
export function stillPlanned(m: Meeting): Result<Meeting> {
  if (m.state === 'cancelled') return fail('MEETING.CANCELLED');
  if (m.state === 'held') return fail('MEETING.HELD');
  return ok(m);
}

/**
 * Moving keeps the number and the case numbers. A move into another year would make both
 * wrong, so it is refused: cancel and plan a new meeting instead.
 */
export function moveMeeting(m: Meeting, to: { start: string; end: string }, c: MeetingContext): Result<Planned> {
  const open = stillPlanned(m);
  if (!open.ok) return open;
  const details: MeetingDetails = { ...m, start: to.start, end: to.end };
  const problem = meetingProblems(details, c)[0];
  if (problem) return { ok: false, error: problem };
  if (osloYear(to.start) !== m.year) return fail('MEETING.MOVE_CHANGES_YEAR', { year: m.year });
  const moved: Meeting = {
    ...m,
    start: new Date(to.start).toISOString(),
    end: new Date(to.end).toISOString(),
    version: m.version + 1,
  };
  return ok({ meeting: moved, warnings: overlapWarnings(moved, c.meetings) });
}

/** Place, link, title and notes change like a move does: only while planned, and the version rises. */
export function editMeetingDetails(
  m: Meeting,
  patch: Partial<Pick<MeetingDetails, 'title' | 'place' | 'online' | 'joinUrl' | 'notes'>>,
  c: MeetingContext,
): Result<Meeting> {
  const open = stillPlanned(m);
  if (!open.ok) return open;
  const details: MeetingDetails = { ...m, ...patch };
  // The time is not changing, so a meeting that has begun may still get its notes corrected.
  const problem = meetingProblems(details, c).find((p) => p.code !== 'MEETING.IN_PAST');
  if (problem) return { ok: false, error: problem };
  return ok({ ...m, ...patch, title: details.title.trim(), version: m.version + 1 });
}

/** The reason goes to everyone called and into the calendar's cancellation: a few sentences at most. */
export const CANCEL_REASON_MAX = 500;

/**
 * A meeting is cancelled before it begins: once begun it is held or not, and cancellations sent
 * then would reach people sitting in it.
 */
export function cancelMeeting(m: Meeting, now: Date, reason?: string): Result<Meeting> {
  const open = stillPlanned(m);
  if (!open.ok) return open;
  if (now.getTime() >= Date.parse(m.start)) return fail('MEETING.ALREADY_BEGUN');
  if ((reason?.trim().length ?? 0) > CANCEL_REASON_MAX)
    return fail('MEETING.CANCEL_REASON_TOO_LONG', { max: CANCEL_REASON_MAX });
  const cancelled = { at: now.toISOString(), ...(reason?.trim() ? { reason: reason.trim() } : {}) };
  return ok({ ...m, state: 'cancelled', cancelled, version: m.version + 1 });
}

/** A meeting is held once it has begun; minutes can then be written. */
export function markHeld(m: Meeting, now: Date): Result<Meeting> {
  const open = stillPlanned(m);
  if (!open.ok) return open;
  if (now.getTime() < Date.parse(m.start)) return fail('MEETING.NOT_STARTED');
  return ok({ ...m, state: 'held', heldAt: now.toISOString(), version: m.version + 1 });
}

export const isPlanned = (m: Meeting): boolean => m.state === 'planned';
export const isCancelled = (m: Meeting): boolean => m.state === 'cancelled';
export const isHeld = (m: Meeting): boolean => m.state === 'held';

/** The body's previous meeting that was held: the one whose minutes the first item approves. */
export function previousHeldMeeting(meetings: readonly Meeting[], m: Meeting): Meeting | undefined {
  return meetings
    .filter(
      (o) => o.bodyId === m.bodyId && o.id !== m.id && o.state === 'held' && Date.parse(o.start) < Date.parse(m.start),
    )
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start))[0];
}
