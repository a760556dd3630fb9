import { formatCaseNumber } from '../../domain/case-number';
import type { FollowUpTask } from '../../domain/follow-up';
import type { Meeting } from '../../domain/meeting';
import type { Minutes } from '../../domain/minutes';
import { decisionsOf } from '../../domain/minutes-approval';
import type { ResultRow } from '../../ports/result-lists';
import type { MinutesRecord } from '../minutes/minutes-records';
import type { RowContext } from './row-context';
import { bodyOf, personOf } from './row-context';
import { itemTitle } from './meeting-rows';

const approvedBy = (m: Omit<Minutes, 'earlier'>, c: RowContext): string | null => {
  const by = m.approval?.by;
  if (!by) return null;
  if ('meeting' in by) return c.t.t('lists.minutes.approved-by-meeting', { meeting: by.meeting });
  return by.members.map((id) => personOf(c, id)).join(', ');
};

/** Protokoller: one row per version, the current one marked; earlier versions are never rewritten. */
export function minutesRows(record: MinutesRecord, meeting: Meeting | undefined, c: RowContext): ResultRow[] {
  const versions: Omit<Minutes, 'earlier'>[] = [...record.minutes.earlier, record.minutes];
  return versions.map((v) => ({
    key: `minutes/${record.meetingId}/v${v.version}`,
    title: meeting?.title ?? record.meetingId,
    cells: {
      Body: bodyOf(c, record.bodyId),
      Meeting: meeting?.title ?? record.meetingId,
      MeetingStart: meeting?.start ?? null,
      MinutesVersion: v.version,
      Current: v.version === record.minutes.version,
      MinutesStatus: v.status,
      ApprovedAt: v.approval?.at ?? null,
      ApprovedBy: approvedBy(v, c),
      ChangedAt: v.change?.at ?? null,
      ChangedBy: personOf(c, v.change?.by),
      ChangeReason: v.change?.reason ?? null,
      Decisions: meeting ? decisionsOf(meeting, { ...v, earlier: [] }).length : null,
    },
  }));
}

/** Where a decision's follow-up stands: no task, some still open, or all done. */
export function followUpState(tasks: readonly FollowUpTask[]): 'none' | 'open' | 'done' {
  if (tasks.length === 0) return 'none';
  return tasks.some((t) => t.status === 'open') ? 'open' : 'done';
}

/** Vedtak: one row per case with a decision written in the current minutes, with its follow-up. */
export function decisionRows(
  record: MinutesRecord,
  meeting: Meeting | undefined,
  tasks: readonly FollowUpTask[],
  c: RowContext,
): ResultRow[] {
  if (!meeting) return [];
  return decisionsOf(meeting, record.minutes).map(({ itemId, decision }) => {
    const item = meeting.agenda.find((i) => i.id === itemId)!;
    const mine = tasks.filter((t) => t.itemId === itemId);
    return {
      key: `minutes/${record.meetingId}/${itemId}`,
      title: itemTitle(item, c),
      cells: {
        CaseNumber: formatCaseNumber(item.caseNumber),
        Body: bodyOf(c, meeting.bodyId),
        Meeting: meeting.title,
        MeetingStart: meeting.start,
        Decision: decision,
        MinutesStatus: record.minutes.status,
        FollowUp: followUpState(mine),
        OpenTasks: mine.filter((t) => t.status === 'open').length,
      },
    };
  });
}

/** Oppfølging: one row per task. */
export function followUpRow(task: FollowUpTask, meeting: Meeting | undefined, c: RowContext): ResultRow {
  return {
    key: `followUps/${task.id}`,
    title: task.description.slice(0, 255),
    cells: {
      CaseNumber: formatCaseNumber(task.caseNumber),
      Body: bodyOf(c, task.bodyId),
      Meeting: meeting?.title ?? task.meetingId,
      Task: task.description,
      Owner: personOf(c, task.owner),
      Due: task.due,
      TaskStatus: task.status,
      DoneAt: task.doneAt ?? null,
    },
  };
}
