import { voteForm } from '../voting/vote-form';
import { openCases } from '../voting/agenda-link';
import type { Command } from './command';

/** Opens the vote form; the title typed after the command fills it in. */
export const voteCommand: Command = {
  id: 'vote',
  audience: ['coordinator', 'chair'],
  takesArgument: true,
  async run({ org, t, args }, { store }) {
    return [voteForm(org, t, { title: args.trim() }, await openCases(store))];
  },
};
