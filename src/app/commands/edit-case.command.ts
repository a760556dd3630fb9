import { z } from 'zod';
import { agendaItemForm } from '../meetings/agenda-item-form';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';
import { pickCase } from './case-pick';

/**
 * `endre sak 12/2026` (or title words, or nothing: the open cases to choose from): the case form
 * as the case stands; saving checks the meeting is unchanged.
 */
export const editCaseCommand = declareCommand({
  id: 'edit-case',
  audience: ['coordinator'],
  args: z.object({ caseNumber: arg.caseOrTitle() }),
  inMenu: false,
  async run({ org, t, input }, { store, clock }) {
    const found = await pickCase(store, t, 'edit-case', input.caseNumber, clock.now());
    if ('reply' in found) return [found.reply];
    if (found.item.kind === 'minutes-approval') return [text(t.t('error.AGENDA.STANDING_ITEM'))];
    return [agendaItemForm(t, org, found.meeting.value, '', '', found.item)];
  },
});
