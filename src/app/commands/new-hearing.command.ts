import { hearingForm } from '../hearings/hearing-form';
import type { Command } from './command';

/** `ny høring [tittel]`: the coordinator's form; registering it distributes the hearing. */
export const newHearingCommand: Command = {
  id: 'new-hearing',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }) {
    return [hearingForm(org, t, { title: args.trim() })];
  },
};
