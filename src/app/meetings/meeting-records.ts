import type { Absence } from '../../domain/absence';
import type { Meeting } from '../../domain/meeting';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { foldText } from '../../domain/fold-text';

export const MEETINGS = 'meetings';
export const ABSENCES = 'absences';

export const absenceId = (meetingId: string, memberId: string): string => `${meetingId}:${memberId}`;

export async function bodyMeetings(store: RecordStore, bodyId: string): Promise<StoredRecord<Meeting>[]> {
  return store.find<Meeting>(MEETINGS, { bodyId });
}

export async function meetingAbsences(store: RecordStore, meetingId: string): Promise<Absence[]> {
  return (await store.find<Absence>(ABSENCES, { meetingId })).map((r) => r.value);
}

/** A meeting named by its id, or the next planned one when nothing is named. */
export async function findMeeting(
  store: RecordStore,
  named: string,
  now: Date,
): Promise<StoredRecord<Meeting> | undefined> {
  const all = await store.find<Meeting>(MEETINGS);
  const wanted = foldText(named);
  if (wanted) return all.find((m) => foldText(m.id) === wanted);
  return all
    .filter((m) => m.value.state === 'planned' && Date.parse(m.value.end) > now.getTime())
    .sort((a, b) => a.value.start.localeCompare(b.value.start))[0];
}

/** The meeting and item a case number names ("6/2026"), newest meeting first. */
export async function findAgendaItem(store: RecordStore, caseNumber: { number: number; year: number }) {
  const all = (await store.find<Meeting>(MEETINGS)).sort((a, b) => b.value.start.localeCompare(a.value.start));
  for (const meeting of all) {
    const item = meeting.value.agenda.find(
      (i) => i.caseNumber.number === caseNumber.number && i.caseNumber.year === caseNumber.year,
    );
    if (item) return { meeting, item };
  }
  return undefined;
}
