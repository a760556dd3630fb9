import { z } from 'zod';
import type { InputRequestOptions } from '../../domain/input-request';
import type { OsloWhen } from '../../domain/oslo-when';
import { osloInstantAt } from '../../domain/oslo-when';
import { arg } from '../commands/grammar/args';
import { osloDate } from '../../domain/oslo-time';

/**
 * What follows the meeting in `be om innspill`: `frist 2026-12-08 12:00` (the deadline; "frist
 * tirsdag kl. 9" too), `utsendelse 10` (send the cards 10 days before the formøte instead of
 * now) and `påminn 5,2` (reminders 5 and 2 days before the deadline). The words come from the
 * catalogue, so English works too; each part may be left out.
 */
export const requestInputArgs = z.object({
  meeting: arg.meeting(),
  deadline: arg.whenOptional('input.args.deadline'),
  lead: arg.count('input.args.send'),
  reminders: arg.days('input.args.remind'),
});

/** A deadline typed without a time is at noon, Oslo time; without a date, today. */
export const DEADLINE_NOON = { hour: 12, minute: 0 };

export const deadlineInstant = (when: OsloWhen, now: Date): string =>
  osloInstantAt(when.date ?? osloDate(now), when.time ?? DEADLINE_NOON);

export function requestOptions(input: z.infer<typeof requestInputArgs>, now: Date): InputRequestOptions {
  return {
    sendNow: input.lead === undefined,
    ...(input.lead !== undefined ? { leadDays: input.lead } : {}),
    ...(input.deadline ? { deadline: deadlineInstant(input.deadline, now) } : {}),
    ...(input.reminders ? { reminderDaysBefore: input.reminders } : {}),
  };
}
