import { z } from 'zod';
import { voteForm } from '../voting/vote-form';
import { openAgendaItems } from '../voting/agenda-link';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/** Opens the vote form; the title typed after the command fills it in. */
export const voteCommand = declareCommand({
  id: 'vote',
  audience: ['coordinator', 'chair'],
  args: z.object({ title: arg.text() }),
  async run({ org, t, input }, { store }) {
    return [voteForm(org, t, { title: input.title ?? '' }, await openAgendaItems(store))];
  },
});
