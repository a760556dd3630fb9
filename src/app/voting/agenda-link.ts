import { absentMemberIds } from '../../domain/absence';
import { markItemDecided } from '../../domain/agenda';
import { formatCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import type { Tally } from '../../domain/tally';
import type { RecordStore } from '../../ports/record-store';
import { upsert } from '../../ports/record-store';
import { MEETINGS, meetingAbsences } from '../meetings/meeting-records';

/** The case a vote decides: a meeting and one item on its agenda. */
export interface AgendaItemRef {
  readonly meetingId: string;
  readonly itemId: string;
}

/** "M4TQ2|M4TQ2:AB3CD" from the form's case list. */
export function readAgendaRef(value: unknown): AgendaItemRef | undefined {
  if (typeof value !== 'string' || !value.includes('|')) return undefined;
  const [meetingId, itemId] = value.split('|');
  return meetingId && itemId ? { meetingId, itemId } : undefined;
}

/** The open cases of planned meetings, for the vote form's list. */
export async function openAgendaItems(store: RecordStore): Promise<{ title: string; value: string }[]> {
  const meetings = (await store.find<Meeting>(MEETINGS)).map((r) => r.value).filter((m) => m.state === 'planned');
  return meetings.flatMap((m) =>
    m.agenda
      .filter((i) => i.kind === 'case' && i.status === 'open')
      .map((i) => ({ title: `${formatCaseNumber(i.caseNumber)} ${i.title}`, value: `${m.id}|${i.id}` })),
  );
}

/** What opening a vote on a case takes from the meeting: the case and who reported absence. */
export async function agendaItemForVote(store: RecordStore, ref: AgendaItemRef) {
  const meeting = await store.get<Meeting>(MEETINGS, ref.meetingId);
  const item = meeting?.value.agenda.find((i) => i.id === ref.itemId);
  if (!meeting || !item) return undefined;
  const absent = absentMemberIds(await meetingAbsences(store, ref.meetingId), ref.meetingId);
  return { meeting: meeting.value, item, absent };
}

export async function itemWithdrawn(store: RecordStore, ref: AgendaItemRef | undefined): Promise<boolean> {
  if (!ref) return false;
  const meeting = await store.get<Meeting>(MEETINGS, ref.meetingId);
  return meeting?.value.agenda.find((i) => i.id === ref.itemId)?.status === 'withdrawn';
}

/** A closed vote with an outcome decides its case; the case can no longer be edited. */
export async function recordDecision(store: RecordStore, ref: AgendaItemRef, tally: Tally): Promise<void> {
  if (tally.outcome.kind === 'no-quorum' || tally.outcome.kind === 'tie') return;
  await upsert<Meeting>(store, MEETINGS, ref.meetingId, (meeting) => {
    if (!meeting) return undefined;
    const decided = markItemDecided(meeting, ref.itemId);
    return decided.ok ? decided.value : undefined;
  });
}
