import { z } from 'zod';
import type { AgreementChange } from '../../domain/agreement-change';
import { agreementStatus } from '../../domain/agreement-change';
import { osloInstant } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import { boardOf, coordinators, municipalityName, respondentsOf, seatsOf } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';

import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { loadWithdrawals } from '../cooperation/withdrawal-records';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler } from '../scheduling/scheduler';
import { loadChange } from './agreement-records';
import { dateText, decisionCard } from './agreement-view';
import { osloDate } from '../../domain/oslo-time';

export const AGREEMENT_REMIND = 'agreement.remind';

/** Councils meet about monthly: reminders two weeks and three days before the answer-by date. */
export const REMINDER_DAYS_BEFORE = [14, 3] as const;

export const agreementReminderPayload = z.object({ changeId: z.string(), days: z.number() });

interface Deps {
  store: RecordStore;
  scheduler: JobScheduler;
}

/** The proposed text to each asked municipality's respondent and deputy, once each. */
export async function distributeChange(
  deps: Deps,
  org: Organisation,
  t: Translator,
  change: AgreementChange,
  now: Date,
): Promise<number> {
  const chats = await personalChats(deps.store);
  const status = agreementStatus(change, await loadWithdrawals(deps.store), osloDate(now));
  const jobs = [];
  for (const m of change.municipalities) {
    for (const person of respondentsOf(org, m)) {
      const chat = await chats.of(person);
      if (chat)
        jobs.push(
          messageJob(
            `agreement:${change.id}:${m}:${person.id}`,
            { conversationId: chat, message: decisionCard(org, t, change, status, m) },
            now,
          ),
        );
    }
  }
  await deps.scheduler.scheduleMany(jobs);
  return jobs.length;
}

export async function scheduleAgreementReminders(
  scheduler: JobScheduler,
  change: AgreementChange,
  now: Date,
): Promise<void> {
  for (const days of REMINDER_DAYS_BEFORE) {
    const d = new Date(`${change.answerBy}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - days);
    const dueAt = osloInstant({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: 9,
      minute: 0,
      second: 0,
    });
    if (dueAt <= now.toISOString()) continue;
    await scheduler.schedule({
      id: `agreement.remind:${change.id}:${days}`,
      kind: AGREEMENT_REMIND,
      dueAt,
      payload: { changeId: change.id, days },
    });
  }
}

/** Reminds the respondents of municipalities whose council has not decided yet; nothing once decided. */
export function agreementReminder(
  deps: Deps & { organisation: () => Organisation; t: Translator; clock: Clock },
): JobHandler<z.infer<typeof agreementReminderPayload>> {
  return async ({ job }) => {
    const change = await loadChange(deps.store, job.payload.changeId);
    if (!change) return { outcome: 'done' };
    const org = deps.organisation();
    const status = agreementStatus(change, await loadWithdrawals(deps.store), osloDate(deps.clock.now()));
    if (status.state !== 'pending') return { outcome: 'done' };
    const chats = await personalChats(deps.store);
    const jobs = [];
    for (const m of status.pending) {
      for (const person of respondentsOf(org, m)) {
        const chat = await chats.of(person);
        const message = text(
          deps.t.t('agreement.reminder', {
            municipality: municipalityName(org, m),
            title: change.title,
            answerBy: dateText(change.answerBy, deps.t),
            usage: `${deps.t.t('command.agreement-change.name')} ${change.id}`,
          }),
        );
        if (chat)
          jobs.push(
            messageJob(
              `agreement.remind:${change.id}:${job.payload.days}:${m}:${person.id}`,
              { conversationId: chat, message },
              job.dueAt,
            ),
          );
      }
    }
    // Nobody asked could be reached: failed, so the coordinator sees it and `prøv igjen` sends it later.
    if (jobs.length === 0)
      return { outcome: 'failed', error: `no personal chat with a respondent of ${status.pending.join(', ')}` };
    await deps.scheduler.scheduleMany(jobs);
    return { outcome: 'done' };
  };
}

/** When the last approval or the first "no" comes in: the coordinators and the board are told, once. */
export async function tellResult(
  deps: Deps,
  org: Organisation,
  t: Translator,
  change: AgreementChange,
  state: 'adopted' | 'rejected',
  now: Date,
): Promise<void> {
  const board = boardOf(org);
  const people = new Map(
    [...coordinators(org), ...(board ? seatsOf(org, board.id, osloDate(now)).map((s) => s.member) : [])].map((p) => [
      p.id,
      p,
    ]),
  );
  const chats = await personalChats(deps.store);
  const message = text(
    t.t(`agreement.result.${state}`, {
      title: change.title,
      id: change.id,
      usage: `${t.t('command.agreement-change.name')} ${change.id}`,
    }),
  );
  const jobs = [];
  for (const person of people.values()) {
    const chat = await chats.of(person);
    if (chat)
      jobs.push(messageJob(`agreement.result:${change.id}:${person.id}`, { conversationId: chat, message }, now));
  }
  await deps.scheduler.scheduleMany(jobs);
}
