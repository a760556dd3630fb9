import type { Meeting } from './meeting';
import { addOsloDays, isInstant } from './oslo-time';
import type { MunicipalityNumber } from './municipality';
import type { PreMeeting } from './pre-meeting';
import type { Result } from './result';
import { fail, ok } from './result';

/*
 * The request to each municipality for input (innspill) on a meeting's cases. All offsets are
 * Oslo calendar days and keep the wall-clock time: a request sent "7 days before" a 09:00
 * pre-meeting goes out at 09:00, also across a daylight-saving change.
 */

/** Cards go out this many days before the pre-meeting (or the meeting, for a body with none). */
export const DEFAULT_INPUT_LEAD_DAYS = 7;
/**
 * The deadline falls a day before the pre-meeting, so that the summary, posted at the
 * deadline, can be read and the basis document written before the municipal side meets.
 */
export const DEFAULT_DEADLINE_DAYS_BEFORE = 1;
/** Reminders to those who have not answered, this many days before the deadline. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [3, 1];

export interface InputRequest {
  readonly meetingId: string;
  /** Municipalities asked; the summary counts the ones that have not answered among these. */
  readonly municipalities: readonly MunicipalityNumber[];
  readonly sendAt: string;
  readonly deadline: string;
  /** Instants, earliest first, each after `sendAt` and before `deadline`. */
  readonly reminders: readonly string[];
}

export interface InputRequestOptions {
  readonly leadDays?: number;
  /** An ISO instant the coordinator chose; otherwise one day before the pre-meeting. */
  readonly deadline?: string;
  readonly reminderDaysBefore?: readonly number[];
  /** The coordinator asks now (`be om innspill`) rather than at the lead time. */
  readonly sendNow?: boolean;
}

/** What the input must be in for: the pre-meeting if the body holds one, else the meeting itself. */
export const inputAnchor = (meeting: Meeting, pre?: PreMeeting): string =>
  pre?.state === 'planned' && pre.meetingId === meeting.id ? pre.start : meeting.start;

export const inputSendTime = (anchor: string, leadDays: number = DEFAULT_INPUT_LEAD_DAYS): string =>
  addOsloDays(anchor, -leadDays);

export const defaultInputDeadline = (anchor: string): string => addOsloDays(anchor, -DEFAULT_DEADLINE_DAYS_BEFORE);

/**
 * Reminder instants: the given days before the deadline, earliest first. Any that would fall
 * before the cards go out (a short lead time) or not before the deadline are dropped; two
 * that coincide are one.
 */
export function reminderTimes(
  deadline: string,
  sendAt: string,
  daysBefore: readonly number[] = DEFAULT_REMINDER_DAYS,
): string[] {
  const times = daysBefore
    .filter((d) => Number.isInteger(d) && d > 0)
    .map((d) => addOsloDays(deadline, -d))
    .filter((t) => Date.parse(t) > Date.parse(sendAt) && Date.parse(t) < Date.parse(deadline));
  return [...new Set(times)].sort((a, b) => Date.parse(a) - Date.parse(b));
}

/**
 * Plans the request. If the lead time has already passed (a meeting planned at short notice)
 * the cards go out now rather than never.
 */
export function planInputRequest(
  meeting: Meeting,
  pre: PreMeeting | undefined,
  municipalities: readonly MunicipalityNumber[],
  options: InputRequestOptions,
  now: Date,
): Result<InputRequest> {
  if (meeting.state !== 'planned') return fail('INPUT.MEETING_CLOSED', { state: meeting.state });
  if (municipalities.length === 0) return fail('INPUT.NO_MUNICIPALITIES');
  const leadDays = options.leadDays ?? DEFAULT_INPUT_LEAD_DAYS;
  if (!Number.isInteger(leadDays) || leadDays < 0) return fail('INPUT.BAD_LEAD_TIME');
  const anchor = inputAnchor(meeting, pre);
  const deadline = options.deadline ?? defaultInputDeadline(anchor);
  if (!isInstant(deadline)) return fail('INPUT.BAD_DEADLINE');
  if (Date.parse(deadline) <= now.getTime()) return fail('INPUT.DEADLINE_IN_PAST');
  if (Date.parse(deadline) > Date.parse(anchor)) return fail('INPUT.DEADLINE_AFTER_PRE_MEETING');
  const planned = inputSendTime(anchor, leadDays);
  const sendAt = !options.sendNow && Date.parse(planned) > now.getTime() ? planned : now.toISOString();
  if (Date.parse(sendAt) >= Date.parse(deadline)) return fail('INPUT.NO_TIME_TO_ANSWER');
  const deadlineIso = new Date(deadline).toISOString();
  return ok({
    meetingId: meeting.id,
    municipalities: [...new Set(municipalities)],
    sendAt,
    deadline: deadlineIso,
    reminders: reminderTimes(deadlineIso, sendAt, options.reminderDaysBefore),
  });
}

/** Answers are taken until the deadline, not at it. */
export const isPastInputDeadline = (request: InputRequest, now: Date): boolean =>
  now.getTime() >= Date.parse(request.deadline);
