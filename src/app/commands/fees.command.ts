import { feeSchedule, feeTerms } from '../../domain/fees';
import { osloDate } from '../../i18n/dates';
import { parseFeeArgs } from '../cooperation/fee-args';
import { feeCard } from '../cooperation/fee-card';
import { scheduleFeeReminder } from '../cooperation/fee-reminder';
import { loadWithdrawals } from '../cooperation/withdrawal-records';
import { text } from '../reply';
import type { Command } from './command';

/** `kontingent [år]` / `fees [year]`: the year's membership fee per municipality, with CSV and DOCX. */
export const feesCommand: Command = {
  id: 'fees',
  audience: ['coordinator', 'board-member'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }, { store, clock, links, scheduler }) {
    const now = clock.now();
    const parsed = parseFeeArgs(args, feeTerms(org), osloDate(now));
    if (!parsed.ok) return [text(t.t(`error.${parsed.error.code}`, parsed.error.params as Record<string, string | number>))];
    const schedule = feeSchedule(org, await loadWithdrawals(store), parsed.value.year);
    if (!schedule.ok) return [text(t.t(`error.${schedule.error.code}`, schedule.error.params as Record<string, string | number>))];
    // Asking about a year is also when its reminder is made sure of (the start makes sure of it too).
    await scheduleFeeReminder(scheduler, org, parsed.value.year, now);
    return [feeCard(org, t, schedule.value, links, now)];
  },
};
