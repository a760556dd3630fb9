import { z } from 'zod';
import type { FollowUpTask } from '../../domain/follow-up';
import { formatCaseNumber } from '../../domain/case-number';
import { isOpenTask } from '../../domain/follow-up';
import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import type { RecordStore } from '../../ports/record-store';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler, JobSpec } from '../scheduling/scheduler';
import { FOLLOW_UPS } from './follow-up-records';
import { readFormInstant } from '../../domain/oslo-when';

export const FOLLOW_UP_REMIND = 'follow-up.remind';

/** A week before, the day before, and the first day overdue; each at 09.00 in Oslo. */
export const reminderDays = { week: -7, day: -1, overdue: 1 } as const;
export type ReminderWhen = keyof typeof reminderDays;

export interface FollowUpReminder {
  readonly taskId: string;
  readonly when: ReminderWhen;
}

export const followUpReminderPayload: z.ZodType<FollowUpReminder> = z.object({
  taskId: z.string(),
  when: z.enum(['week', 'day', 'overdue']),
});

const REMINDER_TIME = '09:00';

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const reminderJobId = (taskId: string, when: ReminderWhen): string => `follow-up-remind:${taskId}:${when}`;

/** The reminder jobs for a new task; times already past are left out (a task due tomorrow gets no week's notice). */
export function reminderJobs(task: FollowUpTask, now: Date): JobSpec<FollowUpReminder>[] {
  return (Object.keys(reminderDays) as ReminderWhen[]).flatMap((when) => {
    const at = readFormInstant(addDays(task.due, reminderDays[when]), REMINDER_TIME);
    return at && at.getTime() > now.getTime()
      ? [{ id: reminderJobId(task.id, when), kind: FOLLOW_UP_REMIND, dueAt: at, payload: { taskId: task.id, when } }]
      : [];
  });
}

/**
 * At a reminder's time: nothing for a task done meanwhile; otherwise one message to the
 * owner's personal chat through the outbox, whose job id names the task and the reminder,
 * so a runner that dies here and a second one that takes over still send it once.
 */
export function followUpReminder(deps: {
  store: RecordStore;
  scheduler: JobScheduler;
  organisation: () => Organisation;
  t: Translator;
}): JobHandler<FollowUpReminder> {
  return async ({ job }) => {
    const { taskId, when } = job.payload;
    const task = (await deps.store.get<FollowUpTask>(FOLLOW_UPS, taskId))?.value;
    if (!task || !isOpenTask(task)) return { outcome: 'done' };
    const org = deps.organisation();
    const owner = memberById(org, task.owner);
    const chat = owner && (await (await personalChats(deps.store)).of(owner));
    if (!chat) return { outcome: 'failed', error: `no personal chat with ${task.owner}` };
    const message = text(
      deps.t.t(`follow-up.reminder.${when}`, {
        caseNumber: formatCaseNumber(task.caseNumber),
        description: task.description,
        due: formatDate(new Date(`${task.due}T12:00:00Z`), deps.t.locale),
        usage: deps.t.t('command.follow-up.name'),
      }),
    );
    await deps.scheduler.schedule(
      messageJob(`follow-up-message:${taskId}:${when}`, { conversationId: chat, message }, job.dueAt),
    );
    return { outcome: 'done' };
  };
}
