import { meetingForm } from '../meetings/meeting-form';
import type { Command } from './command';

export const newMeetingCommand: Command = {
  id: 'new-meeting',
  audience: ['coordinator'],
  takesArgument: true,
  async run({ org, t, args }) {
    return [meetingForm(org, t, { title: args.trim() })];
  },
};
