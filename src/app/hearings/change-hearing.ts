import type { Hearing } from '../../domain/hearing';
import { closeHearing, extendDeadline } from '../../domain/hearing';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import { formatDateTime } from '../../i18n/dates';
import { upsert } from '../../ports/record-store';
import { audit } from '../audit';
import { text } from '../reply';
import { messageJob } from '../scheduling/outbox';
import type { HearingDeps } from './hearing-jobs';
import { hearingRecipients } from './hearing-recipients';
import type { HearingRecord } from './hearing-records';
import { HEARINGS } from './hearing-records';
import { cancelReminders, scheduleReminders } from './remind-non-responders';

/** A read-modify-write of the hearing under its eTag; the rule decides, the refusal is returned. */
async function change(
  deps: HearingDeps,
  id: string,
  rule: (h: HearingRecord) => Result<Hearing>,
): Promise<Result<HearingRecord>> {
  let outcome: Result<HearingRecord> = fail('HEARING.UNKNOWN', { id });
  await upsert<HearingRecord>(deps.store, HEARINGS, id, (current) => {
    if (!current) return undefined;
    const next = rule(current);
    outcome = next.ok ? ok({ ...current, ...next.value }) : next;
    return next.ok ? (outcome as { value: HearingRecord }).value : undefined;
  });
  return outcome;
}

/**
 * A later internal deadline: reminders are planned again from it, and everyone who answers for
 * an asked municipality is told. Cards from before refresh to the new deadline; pressed without
 * refreshing, they are refused as stale and come back new.
 */
export async function extendHearing(
  deps: HearingDeps,
  id: string,
  by: string,
  internalDeadline: string,
): Promise<Result<HearingRecord>> {
  const now = deps.clock.now();
  const extended = await change(deps, id, (h) => extendDeadline(h, { internalDeadline, by }, now));
  if (!extended.ok) return extended;
  const h = extended.value;
  const locale = h.locale ?? 'nb';
  await audit(deps.store, {
    kind: 'hearing.extended',
    memberId: by,
    at: now.toISOString(),
    details: { hearingId: id, to: h.internalDeadline },
  });
  await cancelReminders(deps, id);
  await scheduleReminders(deps, h, locale);
  const t = deps.translator(locale);
  const { reachable } = await hearingRecipients(deps.store, deps.organisation(), h.municipalities, [
    'respondent',
    'deputy',
  ]);
  const message = text(
    t.t('hearing.extended', {
      title: h.title,
      deadline: formatDateTime(new Date(h.internalDeadline), t.locale),
      id: h.id,
    }),
  );
  await deps.scheduler.scheduleMany(
    reachable.map((r) =>
      messageJob(
        `hearing-extended:${id}:v${h.version}:${r.municipality}:${r.memberId}`,
        { conversationId: r.conversationId, message },
        now,
      ),
    ),
  );
  return extended;
}

/** Closing ends answering and calls off the reminders; the responses stay for the statement. */
export async function closeOpenHearing(deps: HearingDeps, id: string, by: string): Promise<Result<HearingRecord>> {
  const now = deps.clock.now();
  const closed = await change(deps, id, (h) => closeHearing(h, by, now));
  if (!closed.ok) return closed;
  await audit(deps.store, { kind: 'hearing.closed', memberId: by, at: now.toISOString(), details: { hearingId: id } });
  await cancelReminders(deps, id);
  return closed;
}
