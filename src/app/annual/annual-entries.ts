import type { AnnualEntry } from '../../domain/annual-cycle';
import { feeDueDate, feeTerms } from '../../domain/fees';
import type { Hearing } from '../../domain/hearing';
import type { InputRequest } from '../../domain/input-request';
import type { Meeting } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import { bodyName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import { HEARINGS } from '../hearings/hearing-records';
import { INPUT_REQUESTS } from '../input/input-records';
import { MEETINGS } from '../meetings/meeting-records';
import { workstreamEntries } from './workstream-entries';

/**
 * Everything dated in the cooperation, worded for the reader. Meetings, input requests and
 * hearings are each tens a year (docs/storage-queries.md), so each list is read whole; the
 * projects' and networks' entries come from workstream-entries.ts.
 */
export async function annualEntries(
  store: RecordStore,
  org: Organisation,
  t: Translator,
  year: number,
): Promise<AnnualEntry[]> {
  const entries: AnnualEntry[] = [];
  const meetings = (await store.find<Meeting>(MEETINGS)).map((r) => r.value).filter((m) => m.state !== 'cancelled');
  const byId = new Map(meetings.map((m) => [m.id, m]));
  for (const m of meetings) {
    entries.push({
      kind: 'meeting',
      ref: `meeting-${m.id}`,
      date: osloDate(m.start),
      start: m.start,
      end: m.end,
      title: t.t('annual.meeting', { body: bodyName(org, m.bodyId), title: m.title }),
      bodyId: m.bodyId,
    });
  }
  for (const { value: r } of await store.find<InputRequest>(INPUT_REQUESTS)) {
    const m = byId.get(r.meetingId);
    if (!m) continue;
    entries.push({
      kind: 'input-deadline',
      ref: `input-${r.meetingId}`,
      date: osloDate(r.deadline),
      start: r.deadline,
      title: t.t('annual.input-deadline', { body: bodyName(org, m.bodyId), title: m.title }),
      bodyId: m.bodyId,
    });
  }
  for (const { value: h } of await store.find<Hearing>(HEARINGS)) {
    entries.push({
      kind: 'hearing-deadline',
      ref: `hearing-${h.id}`,
      date: osloDate(h.internalDeadline),
      start: h.internalDeadline,
      title: t.t('annual.hearing-deadline', { title: h.title }),
    });
    entries.push({
      kind: 'hearing-statement',
      ref: `statement-${h.id}`,
      date: osloDate(h.externalDeadline),
      start: h.externalDeadline,
      title: t.t('annual.hearing-statement', { title: h.title, issuer: h.issuer }),
    });
  }
  entries.push({
    kind: 'fee-due',
    ref: `fee-${year}`,
    date: feeDueDate(feeTerms(org), year),
    title: t.t('annual.fee-due', { year }),
  });
  entries.push(...(await workstreamEntries(store, org, t)));
  return entries;
}
