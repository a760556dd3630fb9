import { errorText } from '../error-text';
import { z } from 'zod';
import { feeSchedule, feeTerms } from '../../domain/fees';

import { feeYear } from '../cooperation/fee-args';
import { feeCard } from '../cooperation/fee-card';
import { scheduleFeeReminder } from '../cooperation/fee-reminder';
import { loadWithdrawals } from '../cooperation/withdrawal-records';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { osloDate } from '../../domain/oslo-time';

/** `kontingent [år]` / `fees [year]`: the year's membership fee per municipality, with CSV and DOCX. */
export const feesCommand = declareCommand({
  id: 'fees',
  audience: ['coordinator', 'board-member'],
  inMenu: false,
  args: z.object({ year: arg.year() }),
  async run({ org, t, input }, { store, clock, links, scheduler }) {
    const now = clock.now();
    const year = feeYear(feeTerms(org), osloDate(now), input.year);
    const schedule = feeSchedule(org, await loadWithdrawals(store), year);
    if (!schedule.ok) return [text(errorText(t, schedule.error))];
    // Asking about a year is also when its reminder is made sure of (the start makes sure of it too).
    await scheduleFeeReminder(scheduler, org, year, now);
    return [feeCard(org, t, schedule.value, links, now)];
  },
});
