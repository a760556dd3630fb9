import type { CaseNumber } from './case-number';
import type { Meeting } from './meeting';
import { osloDate } from './oslo-time';
import type { Minutes } from './minutes';
import { decisionsOf } from './minutes-approval';
import type { Organisation } from './organisation';
import type { Result } from './result';
import { fail, ok } from './result';

/** Oppfølging: one thing to do because of one decision, by one owner, by a date. */
export interface FollowUpTask {
  readonly id: string;
  readonly meetingId: string;
  readonly bodyId: string;
  readonly itemId: string;
  readonly caseNumber: CaseNumber;
  readonly description: string;
  /** Member id. */
  readonly owner: string;
  /** YYYY-MM-DD: a day, not an instant; overdue from the day after. */
  readonly due: string;
  readonly status: 'open' | 'done';
  readonly createdAt: string;
  readonly doneAt?: string;
}

export interface FollowUpDraft {
  readonly id: string;
  readonly itemId: string;
  readonly description: string;
  readonly owner: string;
  readonly due: string;
}

export const FOLLOW_UP_DESCRIPTION_MAX = 500;

const isDate = (s: string): boolean =>
  /^\d{4}-\d\d-\d\d$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A task follows a decision: the case must have its vedtak in the minutes. */
export function createFollowUp(
  meeting: Meeting,
  minutes: Minutes,
  org: Organisation,
  d: FollowUpDraft,
  now: Date,
): Result<FollowUpTask> {
  if (minutes.meetingId !== meeting.id) return fail('FOLLOW_UP.OTHER_MEETING');
  const item = meeting.agenda.find((i) => i.id === d.itemId);
  if (!item) return fail('FOLLOW_UP.UNKNOWN_ITEM', { itemId: d.itemId });
  if (!decisionsOf(meeting, minutes).some((x) => x.itemId === d.itemId))
    return fail('FOLLOW_UP.NO_DECISION', { itemId: d.itemId });
  const description = d.description.trim();
  if (description === '') return fail('FOLLOW_UP.DESCRIPTION_REQUIRED');
  if (description.length > FOLLOW_UP_DESCRIPTION_MAX)
    return fail('FOLLOW_UP.DESCRIPTION_TOO_LONG', { max: FOLLOW_UP_DESCRIPTION_MAX });
  if (d.owner.trim() === '') return fail('FOLLOW_UP.OWNER_REQUIRED');
  if (!org.members.some((m) => m.id === d.owner)) return fail('FOLLOW_UP.UNKNOWN_OWNER');
  if (!isDate(d.due)) return fail('FOLLOW_UP.BAD_DUE_DATE');
  if (d.due < osloDate(meeting.start)) return fail('FOLLOW_UP.DUE_BEFORE_MEETING');
  if (dueHasPassed(d.due, now)) return fail('FOLLOW_UP.DUE_IN_PAST');
  return ok({
    id: d.id,
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
    itemId: item.id,
    caseNumber: item.caseNumber,
    description,
    owner: d.owner,
    due: d.due,
    status: 'open',
    createdAt: now.toISOString(),
  });
}

/** A due day before today in Oslo: a task cannot be set to be late from the start. */
export const dueHasPassed = (due: string, now: Date): boolean => due < osloDate(now.toISOString());

/** The owner closes their own task; the coordinator may close any. */
export const mayComplete = (task: FollowUpTask, memberId: string, coordinator: boolean): boolean =>
  coordinator || task.owner === memberId;

export function completeFollowUp(task: FollowUpTask, now: Date): Result<FollowUpTask> {
  if (task.status === 'done') return fail('FOLLOW_UP.ALREADY_DONE');
  return ok({ ...task, status: 'done', doneAt: now.toISOString() });
}

export const isOpenTask = (t: FollowUpTask): boolean => t.status === 'open';

/** Overdue once the due day is over in Oslo. */
export const isOverdue = (t: FollowUpTask, now: Date): boolean => isOpenTask(t) && t.due < osloDate(now.toISOString());

/** Open tasks, soonest due first: what `oppfølging` lists. */
export function openTasks(tasks: readonly FollowUpTask[]): FollowUpTask[] {
  return tasks.filter(isOpenTask).sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}

/**
 * The open tasks the next meeting is offered for review: those from the body's earlier
 * meetings, by case number. Offered, not added: the coordinator decides what goes on the agenda.
 */
export function tasksForReview(
  tasks: readonly FollowUpTask[],
  meetings: readonly Meeting[],
  next: Meeting,
): FollowUpTask[] {
  const earlier = new Set(
    meetings
      .filter((m) => m.bodyId === next.bodyId && m.id !== next.id && Date.parse(m.start) < Date.parse(next.start))
      .map((m) => m.id),
  );
  return tasks
    .filter((t) => isOpenTask(t) && t.bodyId === next.bodyId && earlier.has(t.meetingId))
    .sort(
      (a, b) =>
        a.caseNumber.year - b.caseNumber.year || a.caseNumber.number - b.caseNumber.number || a.id.localeCompare(b.id),
    );
}
