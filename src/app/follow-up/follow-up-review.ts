import { addItem } from '../../domain/agenda';
import { formatCaseNumber } from '../../domain/case-number';
import type { FollowUpTask } from '../../domain/follow-up';
import { tasksForReview } from '../../domain/follow-up';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import { bodyMeetings, MEETINGS } from '../meetings/meeting-records';
import { allTasks } from './follow-up-records';

/** The open tasks from the body's earlier meetings that this meeting is offered for review. */
export async function reviewFor(store: RecordStore, meeting: Meeting): Promise<FollowUpTask[]> {
  const meetings = (await bodyMeetings(store, meeting.bodyId)).map((r) => r.value);
  return tasksForReview(await allTasks(store, { bodyId: meeting.bodyId }), meetings, meeting);
}

export const reviewItemId = (meetingId: string): string => `${meetingId}:follow-up-review`;

/**
 * Offered, not imposed: at the coordinator's press, one case "follow-up of earlier decisions"
 * listing the open tasks goes on the agenda. Its fixed id makes a second press a refusal.
 */
export async function addReviewItem(
  store: RecordStore,
  org: Organisation,
  t: Translator,
  meetingId: string,
): Promise<Result<Meeting>> {
  const stored = await store.get<Meeting>(MEETINGS, meetingId);
  if (!stored) return fail('MEETING.UNKNOWN', { meeting: meetingId });
  const tasks = await reviewFor(store, stored.value);
  if (tasks.length === 0) return fail('FOLLOW_UP.NOTHING_TO_REVIEW');
  const background = tasks
    .map((task) =>
      t.t('follow-up.review.line', {
        caseNumber: formatCaseNumber(task.caseNumber),
        description: task.description,
        owner: memberById(org, task.owner)?.name ?? task.owner,
        due: formatDate(new Date(`${task.due}T12:00:00Z`), t.locale),
      }),
    )
    .join('\n');
  const draft = {
    title: t.t('follow-up.review.title'),
    background,
    proposal: { kind: 'text' as const, text: t.t('follow-up.review.proposal') },
  };
  const others = (await bodyMeetings(store, stored.value.bodyId)).map((r) => r.value);
  const added = addItem(stored.value, others, { id: reviewItemId(meetingId), draft });
  if (!added.ok) return added.error.code === 'AGENDA.DUPLICATE_ITEM' ? fail('FOLLOW_UP.REVIEW_ON_AGENDA') : added;
  try {
    await store.replace<Meeting>(MEETINGS, meetingId, added.value, stored.etag);
  } catch (e) {
    if (isStoreError(e, 'STORE.PRECONDITION_FAILED')) return fail('MEETING.CHANGED');
    throw e;
  }
  return ok(added.value);
}
