import type { Organisation } from '../../domain/organisation';
import { boardOf, coordinators, municipalityName, seatsOf } from '../../domain/organisation';
import type { Withdrawal } from '../../domain/withdrawal';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import type { RecordStore } from '../../ports/record-store';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler } from '../scheduling/scheduler';

const dateText = (iso: string, t: Translator) => formatDate(new Date(`${iso}T12:00:00Z`), t.locale);

/**
 * The notice is written to the board (the agreement): each board member in force and each
 * coordinator is told, once (keyed by municipality and person).
 */
export async function tellBoardOfWithdrawal(
  deps: { store: RecordStore; scheduler: JobScheduler },
  org: Organisation,
  t: Translator,
  w: Withdrawal,
  today: string,
  now: Date,
): Promise<number> {
  const board = boardOf(org);
  const people = new Map(
    [...(board ? seatsOf(org, board.id, today).map((s) => s.member) : []), ...coordinators(org)].map((m) => [m.id, m]),
  );
  const chats = await personalChats(deps.store);
  const message = text(
    t.t('withdrawal.to-board', {
      municipality: municipalityName(org, w.municipality),
      notice: dateText(w.noticeDate, t),
      effective: dateText(w.effectiveDate, t),
      lastFeeYear: Number(w.effectiveDate.slice(0, 4)) - (w.effectiveDate.slice(5) > '01-15' ? 0 : 1),
    }),
  );
  const jobs = [];
  for (const person of people.values()) {
    const chat = await chats.of(person);
    if (chat)
      jobs.push(messageJob(`withdrawal:${w.municipality}:${person.id}`, { conversationId: chat, message }, now));
  }
  await deps.scheduler.scheduleMany(jobs);
  return jobs.length;
}
