import { z } from 'zod';
import { parseCaseNumber } from '../../domain/case-number';
import { agendaItemForm } from '../meetings/agenda-item-form';
import { findAgendaItem } from '../meetings/meeting-records';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/** `endre sak 12/2026`: the case form as the case stands; saving checks the meeting is unchanged. */
export const editCaseCommand = declareCommand({
  id: 'edit-case',
  audience: ['coordinator'],
  args: z.object({ caseNumber: arg.caseNumber() }),
  inMenu: false,
  async run({ org, t, input }, { store }) {
    const number = parseCaseNumber(input.caseNumber)!;
    const found = await findAgendaItem(store, number);
    if (!found) return [text(t.t('error.AGENDA.UNKNOWN_CASE', { caseNumber: input.caseNumber }))];
    if (found.item.kind === 'minutes-approval') return [text(t.t('error.AGENDA.STANDING_ITEM'))];
    return [agendaItemForm(t, org, found.meeting.value, '', '', found.item)];
  },
});
