import { formatCaseNumber } from '../../domain/case-number';
import type { Notice } from '../notice';
import { noticeFields } from '../notice';
import type { FollowUpTask } from '../../domain/follow-up';
import { isOverdue, mayComplete } from '../../domain/follow-up';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import { card } from '../reply';
import type { Reply } from '../reply';

/** The tasks as card rows: case and description, owner and due day, overdue marked, a done button where allowed. */
function rows(
  org: Organisation,
  t: Translator,
  tasks: readonly FollowUpTask[],
  viewer: { memberId: string; coordinator: boolean },
  now: Date,
) {
  return tasks.map((task) => ({
    taskId: task.id,
    heading: t.t('follow-up.task', { caseNumber: formatCaseNumber(task.caseNumber), description: task.description }),
    detail: t.t('follow-up.owner-due', {
      owner: memberById(org, task.owner)?.name ?? task.owner,
      due: formatDate(new Date(`${task.due}T12:00:00Z`), t.locale),
      id: task.id,
    }),
    overdue: isOverdue(task, now),
    mayClose: task.status === 'open' && mayComplete(task, viewer.memberId, viewer.coordinator),
  }));
}

/** `oppfølging`: the open tasks (all for the coordinator, one's own for others). */
export function followUpCard(
  org: Organisation,
  t: Translator,
  tasks: readonly FollowUpTask[],
  viewer: { memberId: string; coordinator: boolean },
  now: Date,
  notice: Notice | string = '',
  review?: { meeting: Meeting; open: boolean },
): Reply {
  return card('follow-up', {
    heading: review
      ? t.t('follow-up.review.heading', { title: review.meeting.title })
      : t.t(viewer.coordinator ? 'follow-up.heading.all' : 'follow-up.heading.own'),
    ...noticeFields(notice),
    empty: tasks.length === 0 ? t.t('follow-up.none') : '',
    tasks: rows(org, t, tasks, viewer, now),
    overdueLabel: t.t('follow-up.overdue'),
    closeLabel: t.t('follow-up.close'),
    review: review !== undefined && review.open && tasks.length > 0,
    reviewLabel: t.t('follow-up.review.add'),
    meetingId: review?.meeting.id ?? '',
    lang: t.locale,
  });
}
