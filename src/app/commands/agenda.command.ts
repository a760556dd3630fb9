import { findMeeting } from '../meetings/meeting-records';
import { meetingCard } from '../meetings/meeting-view';
import { text } from '../reply';
import type { Command } from './command';

/** `saksliste M4TQ2`, or the next meeting's agenda. */
export const agendaCommand: Command = {
  id: 'agenda',
  audience: ['anyone-registered'],
  takesArgument: true,
  async run({ org, t, args }, { store, clock }) {
    const meeting = await findMeeting(store, args.trim(), clock.now());
    if (!meeting) return [text(args.trim() ? t.t('error.MEETING.UNKNOWN', { meeting: args.trim() }) : t.t('meetings.none'))];
    return [meetingCard(org, t, meeting.value)];
  },
};
