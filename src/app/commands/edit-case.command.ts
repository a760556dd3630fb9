import { parseCaseNumber } from '../../domain/case-number';
import { agendaItemForm } from '../meetings/agenda-item-form';
import { findCase } from '../meetings/meeting-records';
import { text } from '../reply';
import type { Command } from './command';

/** `endre sak 12/2026`: the case form as the case stands; saving checks the meeting is unchanged. */
export const editCaseCommand: Command = {
  id: 'edit-case',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }, { store }) {
    const number = parseCaseNumber(args);
    if (!number) return [text(t.t('agenda.which-case', { usage: t.t('command.edit-case.usage') }))];
    const found = await findCase(store, number);
    if (!found) return [text(t.t('error.AGENDA.UNKNOWN_CASE', { caseNumber: args.trim() }))];
    if (found.item.kind === 'minutes-approval') return [text(t.t('error.AGENDA.STANDING_ITEM'))];
    return [agendaItemForm(t, org, found.meeting.value, '', '', found.item)];
  },
};
