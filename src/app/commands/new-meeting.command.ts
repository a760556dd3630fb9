import { z } from 'zod';
import { meetingForm } from '../meetings/meeting-form';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

export const newMeetingCommand = declareCommand({
  id: 'new-meeting',
  audience: ['coordinator'],
  args: z.object({ title: arg.text() }),
  async run({ org, t, input }) {
    return [meetingForm(org, t, { title: input.title ?? '' })];
  },
});
