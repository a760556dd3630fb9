import { z } from 'zod';
import { errorText } from '../error-text';
import { feeDueDate, feeSchedule, feeTerms } from '../../domain/fees';
import { osloInstant } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import { coordinators } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import { formatKroner } from '../../i18n/money';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler } from '../scheduling/scheduler';
import { loadWithdrawals } from './withdrawal-records';

export const FEES_REMIND = 'fees.remind';

/** Invoices go out in good time before the due day: a month ahead, at 09.00 Oslo time. */
export const FEE_REMINDER_DAYS_BEFORE = 30;

export const feeReminderPayload = z.object({ year: z.number().int() });

export function feeReminderDue(org: Organisation, year: number): string {
  const due = new Date(`${feeDueDate(feeTerms(org), year)}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() - FEE_REMINDER_DAYS_BEFORE);
  return osloInstant({
    year: due.getUTCFullYear(),
    month: due.getUTCMonth() + 1,
    day: due.getUTCDate(),
    hour: 9,
    minute: 0,
    second: 0,
  });
}

/**
 * The reminder for the year's fee, once (its id is the year). Nothing after the due day: a
 * reminder then would only be noise. A reminder whose day has passed runs at once.
 */
export async function scheduleFeeReminder(
  scheduler: JobScheduler,
  org: Organisation,
  year: number,
  now: Date,
): Promise<void> {
  if (`${feeDueDate(feeTerms(org), year)}T23:59:59Z` < now.toISOString()) return;
  await scheduler.schedule({
    id: `fees.remind:${year}`,
    kind: FEES_REMIND,
    dueAt: feeReminderDue(org, year),
    payload: { year },
  });
}

/** At start: this year's reminder if its due day is still ahead, else next year's. */
export async function scheduleNextFeeReminder(scheduler: JobScheduler, org: Organisation, clock: Clock): Promise<void> {
  const now = clock.now();
  const year = now.getUTCFullYear();
  const thisYearsDue = `${feeDueDate(feeTerms(org), year)}T23:59:59Z`;
  await scheduleFeeReminder(scheduler, org, thisYearsDue < now.toISOString() ? year + 1 : year, now);
}

/** Tells each coordinator the year's total and due day, then plans next year's reminder. */
export function feeReminder(deps: {
  store: RecordStore;
  scheduler: JobScheduler;
  organisation: () => Organisation;
  t: Translator;
  clock: Clock;
}): JobHandler<z.infer<typeof feeReminderPayload>> {
  return async ({ job }) => {
    const org = deps.organisation();
    const { year } = job.payload;
    const schedule = feeSchedule(org, await loadWithdrawals(deps.store), year);
    const chats = await personalChats(deps.store);
    const message = schedule.ok
      ? deps.t.t('fees.reminder', {
          year,
          due: formatDate(new Date(`${schedule.value.dueDate}T12:00:00Z`), deps.t.locale),
          amount: formatKroner(schedule.value.totalOre, deps.t.locale),
          usage: `${deps.t.t('command.fees.name')} ${year}`,
        })
      : deps.t.t('fees.reminder-no-basis', { year, reason: errorText(deps.t, schedule.error) });
    const jobs = [];
    for (const coordinator of coordinators(org)) {
      const chat = await chats.of(coordinator);
      if (chat)
        jobs.push(
          messageJob(
            `fees.remind:${year}:${coordinator.id}`,
            { conversationId: chat, message: text(message) },
            job.dueAt,
          ),
        );
    }
    // Next year's first: a coordinator's retry of this one must not be what plans it.
    await scheduleFeeReminder(deps.scheduler, org, year + 1, deps.clock.now());
    // No coordinator with a chat yet: failed, so `feilede jobber` shows it and `prøv igjen` sends it later.
    if (jobs.length === 0) return { outcome: 'failed', error: `no coordinator's personal chat for the ${year} fee` };
    await deps.scheduler.scheduleMany(jobs);
    return { outcome: 'done' };
  };
}
