import type { DecisionEntry } from '../../domain/decision-register';
import { isOpenTask, isOverdue } from '../../domain/follow-up';
import type { Meeting } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import type { RecordStore } from '../../ports/record-store';
import { allTasks } from '../follow-up/follow-up-records';
import { MEETINGS } from '../meetings/meeting-records';
import type { MinutesRecord } from '../minutes/minutes-records';
import { MINUTES } from '../minutes/minutes-records';

/**
 * Every written decision in every body's minutes, with its follow-up tasks counted. Minutes,
 * meetings and tasks are each a few hundred records a year (docs/storage-queries.md).
 */
export async function decisionEntries(store: RecordStore, now: Date): Promise<DecisionEntry[]> {
  const meetings = new Map((await store.find<Meeting>(MEETINGS)).map((r) => [r.id, r.value]));
  const tasks = await allTasks(store);
  const entries: DecisionEntry[] = [];
  for (const { value: record } of await store.find<MinutesRecord>(MINUTES)) {
    const meeting = meetings.get(record.meetingId);
    if (!meeting) continue;
    for (const item of record.minutes.content.items) {
      if (item.decision.trim() === '') continue;
      const agendaItem = meeting.agenda.find((a) => a.id === item.itemId);
      if (!agendaItem) continue;
      const mine = tasks.filter((t) => t.meetingId === meeting.id && t.itemId === item.itemId);
      entries.push({
        bodyId: meeting.bodyId,
        meetingId: meeting.id,
        date: osloDate(meeting.start),
        caseNumber: agendaItem.caseNumber,
        title: agendaItem.title,
        decision: item.decision,
        approved: record.minutes.status === 'approved',
        followUp: {
          open: mine.filter((t) => isOpenTask(t)).length,
          done: mine.filter((t) => !isOpenTask(t)).length,
          overdue: mine.filter((t) => isOverdue(t, now)).length,
        },
      });
    }
  }
  return entries;
}
