import { z } from 'zod';
import { reorderAgenda } from '../../domain/agenda';
import { formatCaseNumber, parseCaseNumber } from '../../domain/case-number';
import { scheduleNotice } from '../meetings/send-meeting-notice';
import { findAgendaItem } from '../meetings/meeting-records';
import { meetingCardNow } from '../meetings/meeting-card-now';
import { replaceMeeting } from '../meetings/replace-meeting';
import { errorText } from '../error-text';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/** `flytt sak 12/2026 2`: the case takes that place on the agenda; its number stays. */
export const moveCaseCommand = declareCommand({
  id: 'move-case',
  audience: ['coordinator'],
  args: z.object({ caseNumber: arg.caseNumber(), position: arg.position() }),
  inMenu: false,
  async run({ org, t, input }, { store, scheduler, clock }) {
    const usage = () => [text(t.t('agenda.move-usage', { usage: t.t('command.move-case.usage') }))];
    const number = parseCaseNumber(input.caseNumber)!;
    const found = await findAgendaItem(store, number);
    if (!found) return [text(t.t('error.AGENDA.UNKNOWN_CASE', { caseNumber: input.caseNumber }))];
    const meeting = found.meeting.value;
    const position = input.position;
    if (position < 1 || position > meeting.agenda.length) return usage();
    const ids = meeting.agenda.map((i) => i.id).filter((id) => id !== found.item.id);
    ids.splice(position - 1, 0, found.item.id);
    const reordered = reorderAgenda(meeting, ids);
    if (!reordered.ok) return [text(errorText(t, reordered.error))];
    if (!(await replaceMeeting(store, found.meeting, reordered.value))) return [text(t.t('error.MEETING.CHANGED'))];
    await scheduleNotice(scheduler, reordered.value, 'agenda', clock.now());
    return [
      await meetingCardNow(
        store,
        org,
        t,
        reordered.value,
        t.t('agenda.moved', { caseNumber: formatCaseNumber(found.item.caseNumber), position }),
      ),
    ];
  },
});
