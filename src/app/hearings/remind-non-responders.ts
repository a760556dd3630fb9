import { z } from 'zod';
import type { HearingReminder } from '../../domain/hearing';
import { hearingReminders, isHearingClosed } from '../../domain/hearing';
import { notAnswered } from '../../domain/hearing-response';
import { municipalityName } from '../../domain/organisation';
import { formatDateTime } from '../../i18n/dates';
import { locales, type Locale } from '../../i18n/locale';
import { text } from '../reply';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import type { HearingDeps } from './hearing-jobs';
import { HEARING_REMIND, reminderJobId } from './hearing-jobs';
import { hearingRecipients } from './hearing-recipients';
import type { HearingRecord } from './hearing-records';
import { hearingResponses, loadHearing } from './hearing-records';

export interface ReminderPayload extends HearingReminder {
  readonly hearingId: string;
  readonly locale: Locale;
}

export const reminderPayload: z.ZodType<ReminderPayload> = z.object({
  hearingId: z.string(),
  locale: z.enum(locales),
  at: z.string(),
  toDeputies: z.boolean(),
});

/**
 * One job per reminder time; the date in the id keeps a moved deadline's reminders apart from
 * the old ones, which are cancelled. Who is reminded is worked out when the job runs.
 */
export async function scheduleReminders(
  deps: Pick<HearingDeps, 'scheduler' | 'clock'>,
  h: HearingRecord,
  locale: Locale,
): Promise<void> {
  const reminders = hearingReminders(h, deps.clock.now());
  await deps.scheduler.scheduleMany<ReminderPayload>(
    reminders.map((r) => ({
      id: reminderJobId(h.id, r.at),
      kind: HEARING_REMIND,
      dueAt: r.at,
      payload: { hearingId: h.id, locale, ...r },
    })),
  );
}

/** After an extension or on closing: reminders not yet sent are called off. */
export async function cancelReminders(deps: Pick<HearingDeps, 'scheduler'>, hearingId: string): Promise<void> {
  const pending = await deps.scheduler.list<ReminderPayload>({ kind: HEARING_REMIND, state: 'pending' });
  for (const job of pending.filter((j) => j.payload.hearingId === hearingId)) await deps.scheduler.cancel(job.id);
}

/**
 * Reminds the municipalities that have not submitted, at the moment the job runs: their
 * respondents, and on the last reminder their deputies too. One outbox message per person,
 * municipality and reminder, so a rerun after a crash adds only the missing.
 */
export function remindNonResponders(deps: HearingDeps): JobHandler<ReminderPayload> {
  return async ({ job }) => {
    const { hearingId, at, toDeputies, locale } = job.payload;
    const hearing = await loadHearing(deps.store, hearingId);
    if (!hearing || isHearingClosed(hearing) || Date.parse(at) >= Date.parse(hearing.internalDeadline))
      return { outcome: 'done' };
    // Caught up after downtime with a later reminder also due: that one speaks, this one stays quiet.
    const now = deps.clock.now();
    if (hearingReminders(hearing, new Date(at)).some((r) => Date.parse(r.at) <= now.getTime()))
      return { outcome: 'done' };
    const missing = notAnswered(hearing, await hearingResponses(deps.store, hearingId));
    const org = deps.organisation();
    const t = deps.translator(locale);
    const { reachable } = await hearingRecipients(
      deps.store,
      org,
      missing,
      toDeputies ? ['respondent', 'deputy'] : ['respondent'],
    );
    const deadline = formatDateTime(new Date(hearing.internalDeadline), t.locale);
    await deps.scheduler.scheduleMany(
      reachable.map((r) =>
        messageJob(
          `${reminderJobId(hearingId, at)}:${r.municipality}:${r.memberId}`,
          {
            conversationId: r.conversationId,
            message: text(
              t.t('hearing.reminder', {
                name: r.name,
                municipality: municipalityName(org, r.municipality),
                title: hearing.title,
                deadline,
                id: hearing.id,
              }),
            ),
          },
          now,
        ),
      ),
    );
    return { outcome: 'done' };
  };
}
