import { z } from 'zod';
import { reorderAgenda } from '../../domain/agenda';
import { isMinutesApproval } from '../../domain/agenda-item';
import { formatCaseNumber } from '../../domain/case-number';
import { scheduleNotice } from '../meetings/send-meeting-notice';
import { meetingCardNow } from '../meetings/meeting-card-now';
import { replaceMeeting } from '../meetings/replace-meeting';
import { errorText } from '../error-text';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';
import { pickCase } from './case-pick';

/**
 * `flytt sak 12/2026 2` (or title words, or only the place: the open cases to choose from, one
 * taken without asking, since moving again undoes it): the case takes that place; its number stays.
 */
export const moveCaseCommand = declareCommand({
  id: 'move-case',
  audience: ['coordinator'],
  args: z.object({ caseNumber: arg.caseRef(), position: arg.position() }),
  inMenu: false,
  async run({ org, t, input, args }, { store, scheduler, clock }) {
    const now = clock.now();
    const found = await pickCase(store, t, 'move-case', input.caseNumber, now, { args, undoable: true });
    if ('reply' in found) return [found.reply];
    const meeting = found.meeting.value;
    // Once the meeting has begun, a change of order is the meeting's own decision, for the minutes.
    if (meeting.state === 'planned' && Date.parse(meeting.start) <= now.getTime())
      return [text(t.t('agenda.move-begun', { title: meeting.title }))];
    const position = input.position;
    if (position > meeting.agenda.length) {
      const minutesFirst = meeting.agenda.some(isMinutesApproval);
      const key = minutesFirst ? 'agenda.move-no-place-minutes-first' : 'agenda.move-no-place';
      return [text(t.t(key, { title: meeting.title, count: meeting.agenda.length, first: minutesFirst ? 2 : 1 }))];
    }
    const caseNumber = formatCaseNumber(found.item.caseNumber);
    // Nothing to change: say so, rather than "is now number 2" and a notice update for nothing.
    if (meeting.agenda[position - 1]?.id === found.item.id)
      return [text(t.t('agenda.move-already', { caseNumber, position }))];
    const ids = meeting.agenda.map((i) => i.id).filter((id) => id !== found.item.id);
    ids.splice(position - 1, 0, found.item.id);
    const reordered = reorderAgenda(meeting, ids);
    if (!reordered.ok) return [text(errorText(t, reordered.error))];
    if (!(await replaceMeeting(store, found.meeting, reordered.value))) return [text(t.t('error.MEETING.CHANGED'))];
    await scheduleNotice(scheduler, reordered.value, 'agenda', now);
    return [await meetingCardNow(store, org, t, reordered.value, t.t('agenda.moved', { caseNumber, position }))];
  },
});
