import { z } from 'zod';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import { locales, type Locale } from '../../i18n/locale';
import { text } from '../reply';
import { bodyChannel, SECRETARIAT_CHANNEL } from '../meetings/announcement-records';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import { hearingCard } from './hearing-card';
import type { HearingDeps } from './hearing-jobs';
import { distributeJobId, HEARING_DISTRIBUTE } from './hearing-jobs';
import type { Recipient } from './hearing-recipients';
import { hearingRecipients } from './hearing-recipients';
import type { HearingRecord } from './hearing-records';
import { hearingResponses, loadHearing } from './hearing-records';

export interface DistributePayload {
  readonly hearingId: string;
  readonly locale: Locale;
}

export const distributePayload: z.ZodType<DistributePayload> = z.object({
  hearingId: z.string(),
  locale: z.enum(locales),
});

/**
 * Distribution is itself a job, scheduled in the same step that stores the hearing: if the
 * process dies before or during the fan-out, the job runs again and `scheduleMany` adds only
 * the cards that are missing. Each card is an outbox job with an id per person and municipality.
 */
export async function scheduleDistribution(
  deps: Pick<HearingDeps, 'scheduler' | 'clock'>,
  hearing: HearingRecord,
  locale: Locale,
): Promise<void> {
  await deps.scheduler.schedule<DistributePayload>({
    id: distributeJobId(hearing.id),
    kind: HEARING_DISTRIBUTE,
    dueAt: deps.clock.now(),
    payload: { hearingId: hearing.id, locale },
  });
}

export const cardJobId = (hearingId: string, municipality: string, memberId: string): string =>
  `hearing-card:${hearingId}:${municipality}:${memberId}`;

/**
 * The notice to the secretariat's channel: how many municipalities and persons were reached,
 * counted from the same list as those who cannot be reached, so the two never disagree.
 */
function notice(
  t: Translator,
  h: HearingRecord,
  reachable: readonly Recipient[],
  unreachable: readonly string[],
): string {
  const sent = t.t('hearing.distributed-to', {
    title: h.title,
    id: h.id,
    people: new Set(reachable.map((r) => r.memberId)).size,
    reached: new Set(reachable.map((r) => r.municipality)).size,
    count: h.municipalities.length,
    deadline: formatDateTime(new Date(h.internalDeadline), t.locale),
  });
  const names =
    unreachable.length > 0
      ? ` ${t.t('hearing.unreachable-count', { count: unreachable.length, names: unreachable.join(', ') })}`
      : '';
  return `${sent}${names}`;
}

export function distributeHearing(deps: HearingDeps): JobHandler<DistributePayload> {
  return async ({ job }) => {
    const hearing = await loadHearing(deps.store, job.payload.hearingId);
    if (!hearing) return { outcome: 'failed', error: 'HEARING.UNKNOWN' };
    if (hearing.state === 'closed') return { outcome: 'done' };
    const org = deps.organisation();
    const t = deps.translator(job.payload.locale);
    const now = deps.clock.now();
    const { reachable, unreachable } = await hearingRecipients(deps.store, org, hearing.municipalities, [
      'respondent',
      'deputy',
    ]);
    const responses = await hearingResponses(deps.store, hearing.id);
    const cards = reachable.map((r) =>
      messageJob(
        cardJobId(hearing.id, r.municipality, r.memberId),
        { conversationId: r.conversationId, message: hearingCard(org, t, hearing, r.municipality, responses, now) },
        now,
      ),
    );
    await deps.scheduler.scheduleMany(cards);
    // The secretariat's channel when one is linked (`knytt kanal sekretariatet`), else where it was registered.
    const noticeTo = (await bodyChannel(deps.store, SECRETARIAT_CHANNEL))?.conversationId ?? hearing.registeredIn;
    if (noticeTo) {
      const message = text(notice(t, hearing, reachable, unreachable));
      await deps.scheduler.schedule(
        messageJob(`hearing-notice:${hearing.id}`, { conversationId: noticeTo, message }, now),
      );
    }
    return { outcome: 'done' };
  };
}
