import { z } from 'zod';
import { withdrawItem } from '../../domain/agenda';
import { scheduleNotice } from '../meetings/send-meeting-notice';
import { meetingCardNow } from '../meetings/meeting-card-now';
import { replaceMeeting } from '../meetings/replace-meeting';
import { errorText } from '../error-text';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';
import { pickCase } from './case-pick';

/**
 * `trekk sak 12/2026` (or title words, or nothing: the open cases to choose from): the case keeps
 * its number and place, marked withdrawn.
 */
export const withdrawCaseCommand = declareCommand({
  id: 'withdraw-case',
  audience: ['coordinator'],
  args: z.object({ caseNumber: arg.caseOrTitle() }),
  inMenu: false,
  async run({ org, t, input }, { store, scheduler, clock }) {
    const found = await pickCase(store, t, 'withdraw-case', input.caseNumber, clock.now());
    if ('reply' in found) return [found.reply];
    const withdrawn = withdrawItem(found.meeting.value, found.item.id);
    if (!withdrawn.ok) return [text(errorText(t, withdrawn.error))];
    if (!(await replaceMeeting(store, found.meeting, withdrawn.value))) return [text(t.t('error.MEETING.CHANGED'))];
    await scheduleNotice(scheduler, withdrawn.value, 'agenda', clock.now());
    return [await meetingCardNow(store, org, t, withdrawn.value)];
  },
});
