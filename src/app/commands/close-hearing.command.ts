import { closeOpenHearing } from '../hearings/change-hearing';
import { errorText } from '../error-text';
import { refreshPostedCard } from '../hearings/hearing-card-refresh';
import { text } from '../reply';
import { z } from 'zod';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { pickedHearing } from './picked-hearing';

/** `lukk høring [høring]` (id, title words or "neste"): no more responses; what was given stays for the statement. */
export const closeHearingCommand = declareCommand({
  id: 'close-hearing',
  audience: ['coordinator'],
  inMenu: false,
  args: z.object({ hearing: arg.hearing() }),
  async run(ctx, { store, hearings }) {
    const { actor, t } = ctx;
    const found = await pickedHearing(store, 'close-hearing', ctx);
    if ('reply' in found) return [found.reply];
    const closed = await closeOpenHearing(hearings, found.hearing.id, actor.member.id);
    if (!closed.ok) return [text(errorText(t, closed.error))];
    await refreshPostedCard(hearings, found.hearing.id);
    return [text(t.t('hearing.closed-notice'))];
  },
});
