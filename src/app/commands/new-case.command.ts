import { agendaItemForm } from '../meetings/agenda-item-form';
import { meetingFromArgs } from '../meetings/meeting-args';
import type { Command } from './command';

/** `ny sak M4TQ2 Handlingsplan 2027`: the case form for that meeting (or the next one). */
export const newCaseCommand: Command = {
  id: 'new-case',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ t, org, args }, { store, clock }) {
    const found = await meetingFromArgs(store, t, args, clock.now(), true);
    if ('reply' in found) return [found.reply];
    return [agendaItemForm(t, org, found.meeting.value, '', found.rest)];
  },
};
