import { z } from 'zod';
import { osloInstant } from '../../domain/oslo-time';
import type { Member } from '../../domain/member';
import { findBody, seatsOf } from '../../domain/organisation';
import { OFFICE_HOURS, proposeSlots } from '../../domain/time-suggestion';

import { FreeBusyError } from '../../ports/free-busy';
import type { TimeInterval } from '../../ports/free-busy';
import { DEFAULT_DURATION_MINUTES } from '../meetings/time-suggestion-args';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { usageText } from './grammar/usage';
import { timeSuggestionsCard } from '../meetings/time-suggestions-card';
import { text } from '../reply';
import { osloDate } from '../../domain/oslo-time';

/** How far ahead to look, well inside Graph's 62 days for one getSchedule call. */
const LOOK_AHEAD_DAYS = 28;
/** A meeting starting sooner than this could not be announced to anyone in time. */
const NOTICE_MS = 3600_000;
const SUGGESTIONS = 5;

/** From the start of the asked Oslo date, or from an hour from now when that is later (or nothing was asked). */
function searchWindow(from: string | undefined, now: Date): TimeInterval {
  const [y, m, d] = (from ?? '').split('-').map(Number);
  const asked = from ? Date.parse(osloInstant({ year: y!, month: m!, day: d!, hour: 0, minute: 0, second: 0 })) : 0;
  const start = Math.max(now.getTime() + NOTICE_MS, asked);
  return { start: new Date(start).toISOString(), end: new Date(start + LOOK_AHEAD_DAYS * 86_400_000).toISOString() };
}

const suggestTimeArgs = z.object({
  body: arg.bodyOptional(),
  duration: arg.duration(),
  from: arg.dateOptional('schedule.args.from'),
});

/**
 * `foreslå tid <organ> [varighet] [fra dato]`: the first times, one a day, when every member of
 * the body is free, asked of the calendar's free/busy (Graph, or Samråd's own meetings).
 */
export const suggestTimeCommand = declareCommand({
  id: 'suggest-time',
  audience: ['coordinator'],
  inMenu: false,
  args: suggestTimeArgs,
  badInput: { duration: 'SCHEDULE.BAD_DURATION', from: 'SCHEDULE.BAD_DATE' },
  async run({ org, t, input }, { clock, freeBusy }) {
    const bodies = org.bodies.map((b) => b.name).join(', ');
    if (!input.body)
      return [text(t.t('schedule.which-body', { usage: usageText(t, 'suggest-time', suggestTimeArgs), bodies }))];
    const now = clock.now();
    const durationMinutes = input.duration ?? DEFAULT_DURATION_MINUTES;
    const body = findBody(org, input.body);
    if (!body) return [text(t.t('schedule.unknown-body', { name: input.body, bodies }))];
    const window = searchWindow(input.from?.date, now);
    const people = new Map<string, Member>();
    for (const seat of seatsOf(org, body.id, osloDate(new Date(window.start))))
      if (seat.role !== 'deputy') people.set(seat.member.email.toLowerCase(), seat.member);
    if (people.size === 0) return [text(t.t('schedule.no-members', { body: body.name }))];
    if (!freeBusy) return [text(t.t('error.SCHEDULE.UNAVAILABLE'))];
    let availability;
    try {
      availability = await freeBusy.busy(
        [...people.values()].map((m) => m.email),
        window,
      );
    } catch (e) {
      if (e instanceof FreeBusyError) return [text(t.t('error.SCHEDULE.UNAVAILABLE'))];
      throw e;
    }
    const slots = proposeSlots({
      busy: availability.flatMap((a) => a.busy),
      window,
      durationMinutes,
      workingHours: OFFICE_HOURS,
      count: SUGGESTIONS,
      perDay: 1,
    });
    const unknown = availability.filter((a) => !a.known).map((a) => people.get(a.email.toLowerCase())?.name ?? a.email);
    return [
      timeSuggestionsCard(t, {
        body,
        durationMinutes,
        from: window.start,
        hours: OFFICE_HOURS,
        checked: people.size,
        unknown,
        slots,
      }),
    ];
  },
});
