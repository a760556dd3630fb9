import { z } from 'zod';
import type { BoardWarning } from '../../domain/board-composition';
import { boardWarnings, termsEnding, tooFewBoardMeetings } from '../../domain/board-composition';
import { osloDate, osloInstant } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import { boardOf, coordinators } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import { bodyMeetings } from '../meetings/meeting-records';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler } from '../scheduling/scheduler';

export const BOARD_CHECK = 'board.check';
/** The prompts already given, by key: one per ending term and one per year; a few a year. */
export const BOARD_PROMPTS = 'boardPrompts';

export const boardCheckPayload = z.object({ day: z.string() });

/** The board's meetings in the Oslo calendar year, planned or held (cancelled ones do not count). */
export async function boardMeetingsIn(store: RecordStore, org: Organisation, year: number): Promise<number> {
  const board = boardOf(org);
  if (!board) return 0;
  return (await bodyMeetings(store, board.id)).filter(
    (m) => m.value.state !== 'cancelled' && osloDate(m.value.start).startsWith(`${year}-`),
  ).length;
}

export const warningText = (t: Translator, w: BoardWarning): string => t.t(`board-rules.${w.code}`, w.params);

const dateText = (iso: string, t: Translator) => formatDate(new Date(`${iso}T12:00:00Z`), t.locale);

/** Every line the check has to say on the date: the rules broken, terms ending, too few meetings. */
export async function boardCheckLines(
  store: RecordStore,
  org: Organisation,
  t: Translator,
  now: Date,
): Promise<string[]> {
  const today = osloDate(now);
  const year = Number(today.slice(0, 4));
  const lines = boardWarnings(org, today).map((w) => warningText(t, w));
  for (const term of termsEnding(org, today))
    lines.push(t.t('board-rules.term-ending', { name: term.name, to: dateText(term.to, t) }));
  const few = tooFewBoardMeetings(org, await boardMeetingsIn(store, org, year));
  if (few) lines.push(t.t('board-rules.few-meetings', { year, ...few }));
  return lines;
}

/** Each morning at 08.00 Oslo: the next run, once per day (its id is the day). */
export async function scheduleBoardCheck(scheduler: JobScheduler, clock: Clock): Promise<void> {
  const now = clock.now();
  const today = osloDate(now);
  const at = (day: string) =>
    osloInstant({
      year: Number(day.slice(0, 4)),
      month: Number(day.slice(5, 7)),
      day: Number(day.slice(8, 10)),
      hour: 8,
      minute: 0,
      second: 0,
    });
  let day = today;
  if (at(day) <= now.toISOString()) {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    day = d.toISOString().slice(0, 10);
  }
  await scheduler.schedule({ id: `${BOARD_CHECK}:${day}`, kind: BOARD_CHECK, dueAt: at(day), payload: { day } });
}

/**
 * The prompts: a board term ending within 60 days (once per seat and end date), and a year with
 * fewer than four board meetings planned (once a year, from 1 February, when the year's plan
 * should stand). The next day's check is scheduled first, so a failing send does not stop them.
 */
export function boardCheck(deps: {
  store: RecordStore;
  scheduler: JobScheduler;
  organisation: () => Organisation;
  t: Translator;
  clock: Clock;
}): JobHandler<z.infer<typeof boardCheckPayload>> {
  return async ({ job }) => {
    await scheduleBoardCheck(deps.scheduler, deps.clock);
    const org = deps.organisation();
    const { day } = job.payload;
    const year = Number(day.slice(0, 4));
    const prompts: { key: string; message: string }[] = [];
    for (const term of termsEnding(org, day)) {
      prompts.push({
        key: `term:${term.memberId}:${term.to}`,
        message: deps.t.t('board-rules.prompt.term-ending', { name: term.name, to: dateText(term.to, deps.t) }),
      });
    }
    const few =
      day.slice(5) >= '02-01' ? tooFewBoardMeetings(org, await boardMeetingsIn(deps.store, org, year)) : undefined;
    if (few)
      prompts.push({ key: `meetings:${year}`, message: deps.t.t('board-rules.prompt.few-meetings', { year, ...few }) });
    // Each prompt once: its key is written before it is sent (a crash after that loses one prompt
    // rather than repeating it daily), and the day's new prompts go as one message, so one
    // chat does not get a burst that Teams' per-conversation limit would hold back.
    const fresh: string[] = [];
    for (const p of prompts) {
      try {
        await deps.store.create(BOARD_PROMPTS, p.key, { key: p.key, at: job.dueAt });
        fresh.push(p.message);
      } catch (e) {
        if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
      }
    }
    if (fresh.length === 0) return { outcome: 'done' };
    const chats = await personalChats(deps.store);
    const jobs = [];
    for (const coordinator of coordinators(org)) {
      const chat = await chats.of(coordinator);
      if (chat)
        jobs.push(
          messageJob(
            `board.prompt:${day}:${coordinator.id}`,
            { conversationId: chat, message: text(fresh.join('\n\n')) },
            job.dueAt,
          ),
        );
    }
    await deps.scheduler.scheduleMany(jobs);
    return { outcome: 'done' };
  };
}
