import { membersOn } from '../cooperation/withdrawal-records';

import type { HearingDraft } from '../../domain/hearing';
import { registerHearing } from '../../domain/hearing';
import type { Organisation } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import type { Locale } from '../../i18n/locale';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import { shortId } from '../short-id';
import { scheduleDistribution } from './distribute-hearing';
import type { HearingDeps } from './hearing-jobs';
import type { HearingRecord } from './hearing-records';
import { HEARINGS } from './hearing-records';
import { scheduleReminders } from './remind-non-responders';
import { osloDate } from '../../domain/oslo-time';

/**
 * Stores the hearing under a new short id, then schedules its distribution and reminders.
 * The hearing is written first: a distribution job never runs for a hearing that is not there.
 */
export async function registerNewHearing(
  deps: HearingDeps,
  who: { memberId: string; org: Organisation; locale: Locale; conversationId: string },
  draft: HearingDraft,
): Promise<Result<HearingRecord>> {
  const now = deps.clock.now();
  // Only members on the day it is registered are asked; one that has left is not.
  const members = await membersOn(deps.store, who.org, osloDate(now));
  for (let attempt = 0; attempt < 5; attempt++) {
    const registered = registerHearing(draft, members, { id: shortId(), by: who.memberId }, now);
    if (!registered.ok) return registered;
    const record: HearingRecord = { ...registered.value, registeredIn: who.conversationId, locale: who.locale };
    try {
      await deps.store.create<HearingRecord>(HEARINGS, record.id, record);
    } catch (e) {
      if (isStoreError(e, 'STORE.ALREADY_EXISTS')) continue;
      throw e;
    }
    await audit(deps.store, {
      kind: 'hearing.registered',
      memberId: who.memberId,
      at: now.toISOString(),
      details: { hearingId: record.id },
    });
    await scheduleDistribution(deps, record, who.locale);
    await scheduleReminders(deps, record, who.locale);
    return { ok: true, value: record };
  }
  throw new Error('Could not find a free hearing id');
}
