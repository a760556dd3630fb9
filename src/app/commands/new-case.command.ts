import { z } from 'zod';
import { agendaItemForm } from '../meetings/agenda-item-form';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';
import { meetingAndText } from './meeting-pick';

/** `ny sak M4TQ2 Handlingsplan 2027` (or `ny sak januar Handlingsplan 2027`): the case form for that meeting (or the next one). */
export const newCaseCommand = declareCommand({
  id: 'new-case',
  audience: ['coordinator'],
  args: z.object({ meeting: arg.meeting(), title: arg.text() }),
  inMenu: false,
  async run(ctx, { store, clock }) {
    const { t, org, input } = ctx;
    const given = { meeting: input.meeting, text: input.title };
    const picked = await meetingAndText(ctx, 'new-case', 'title', given, store, clock.now());
    if ('reply' in picked) return [picked.reply];
    return [agendaItemForm(t, org, picked.record.value, '', picked.text)];
  },
});
