import { z } from 'zod';
import { INQUIRY_REMINDER_AFTER_DAYS, inquiryReminderDay } from '../../domain/business-reminders';
import type { Inquiry } from '../../domain/network';
import type { Organisation } from '../../domain/organisation';
import { coordinators } from '../../domain/organisation';
import { osloDate } from '../../domain/oslo-time';
import { osloInstantAt } from '../../domain/oslo-when';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler, JobSpec } from '../scheduling/scheduler';
import { dayText } from './network-view';
import { INQUIRIES, networksOf } from './network-records';

export const INQUIRY_REMIND = 'network.inquiry-remind';

export const inquiryReminderPayload = z.object({ inquiryId: z.string() });
export type InquiryReminderPayload = z.infer<typeof inquiryReminderPayload>;

export const inquiryReminderJobId = (inquiryId: string): string => `network-inquiry-remind:${inquiryId}`;

/** The one reminder for an inquiry not answered, at 09.00 in Oslo 14 days after it arrived. */
export function inquiryReminderJob(inquiry: Inquiry, now: Date): JobSpec<InquiryReminderPayload> | undefined {
  const day = inquiryReminderDay(inquiry, osloDate(now));
  return day
    ? {
        id: inquiryReminderJobId(inquiry.id),
        kind: INQUIRY_REMIND,
        dueAt: osloInstantAt(day, { hour: 9, minute: 0 }),
        payload: { inquiryId: inquiry.id },
      }
    : undefined;
}

/**
 * At the reminder's time: nothing for an inquiry answered meanwhile; otherwise one message to
 * each coordinator, whose job id names the inquiry, so a restart sends it once.
 */
export function inquiryReminder(deps: {
  store: RecordStore;
  scheduler: JobScheduler;
  organisation: () => Organisation;
  t: Translator;
}): JobHandler<InquiryReminderPayload> {
  return async ({ job }) => {
    const { inquiryId } = job.payload;
    const inquiry = (await deps.store.get<Inquiry>(INQUIRIES, inquiryId))?.value;
    if (!inquiry || inquiry.answer) return { outcome: 'done' };
    const org = deps.organisation();
    const network = networksOf(org).find((n) => n.id === inquiry.networkId);
    const message = text(
      deps.t.t('network.reminder', {
        id: inquiry.id,
        supplier: inquiry.supplier,
        received: dayText(inquiry.received, deps.t),
        days: INQUIRY_REMINDER_AFTER_DAYS,
        network: network?.name ?? inquiry.networkId,
        usage: `${deps.t.t('command.answer-inquiry.name')} ${inquiry.id}`,
      }),
    );
    const chats = await personalChats(deps.store);
    const jobs = [];
    for (const coordinator of coordinators(org)) {
      const chat = await chats.of(coordinator);
      if (chat)
        jobs.push(
          messageJob(
            `network-inquiry-message:${inquiryId}:${coordinator.id}`,
            { conversationId: chat, message },
            job.dueAt,
          ),
        );
    }
    if (jobs.length === 0)
      return { outcome: 'failed', error: `no coordinator's personal chat for inquiry ${inquiryId}` };
    await deps.scheduler.scheduleMany(jobs);
    return { outcome: 'done' };
  };
}

/** At start: the reminder of every inquiry still waiting whose day is not past; nothing doubled. */
export async function scheduleInquiryReminders(store: RecordStore, scheduler: JobScheduler, now: Date): Promise<void> {
  const jobs = (await store.find<Inquiry>(INQUIRIES))
    .map((r) => inquiryReminderJob(r.value, now))
    .filter((j): j is JobSpec<InquiryReminderPayload> => j !== undefined);
  if (jobs.length > 0) await scheduler.scheduleMany(jobs);
}
