import { z } from 'zod';
import { withdrawItem } from '../../domain/agenda';
import { parseCaseNumber } from '../../domain/case-number';
import { scheduleNotice } from '../meetings/send-meeting-notice';
import { findAgendaItem } from '../meetings/meeting-records';
import { meetingCardNow } from '../meetings/meeting-card-now';
import { replaceMeeting } from '../meetings/replace-meeting';
import { errorText } from '../error-text';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/** `trekk sak 12/2026`: the case keeps its number and place, marked withdrawn. */
export const withdrawCaseCommand = declareCommand({
  id: 'withdraw-case',
  audience: ['coordinator'],
  args: z.object({ caseNumber: arg.caseNumber() }),
  inMenu: false,
  async run({ org, t, input }, { store, scheduler, clock }) {
    const number = parseCaseNumber(input.caseNumber)!;
    const found = await findAgendaItem(store, number);
    if (!found) return [text(t.t('error.AGENDA.UNKNOWN_CASE', { caseNumber: input.caseNumber }))];
    const withdrawn = withdrawItem(found.meeting.value, found.item.id);
    if (!withdrawn.ok) return [text(errorText(t, withdrawn.error))];
    if (!(await replaceMeeting(store, found.meeting, withdrawn.value))) return [text(t.t('error.MEETING.CHANGED'))];
    await scheduleNotice(scheduler, withdrawn.value, 'agenda', clock.now());
    return [await meetingCardNow(store, org, t, withdrawn.value)];
  },
});
