import { z } from 'zod';
import { hearingForm } from '../hearings/hearing-form';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/** `ny høring [tittel]`: the coordinator's form; registering it distributes the hearing. */
export const newHearingCommand = declareCommand({
  id: 'new-hearing',
  audience: ['coordinator'],
  args: z.object({ title: arg.text() }),
  inMenu: false,
  async run({ org, t, input }) {
    return [hearingForm(org, t, { title: input.title ?? '' })];
  },
});
