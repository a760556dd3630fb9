import { agendaItemForm } from '../meetings/agenda-item-form';
import { findMeeting } from '../meetings/meeting-records';
import { text } from '../reply';
import type { Command } from './command';

/** `ny sak M4TQ2 Handlingsplan 2027`: the case form for that meeting (or the next one). */
export const newCaseCommand: Command = {
  id: 'new-case',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ t, args }, { store, clock }) {
    const [first = '', ...rest] = args.trim().split(/\s+/);
    const named = first ? await findMeeting(store, first, clock.now()) : undefined;
    const meeting = named ?? (await findMeeting(store, '', clock.now()));
    if (!meeting) return [text(t.t('meetings.none'))];
    const title = (named ? rest.join(' ') : args).trim();
    return [agendaItemForm(t, meeting.value, '', title)];
  },
};
