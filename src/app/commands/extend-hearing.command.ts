import { z } from 'zod';
import { osloInstantAt } from '../../domain/oslo-when';
import { extendHearing } from '../hearings/change-hearing';
import { errorText } from '../error-text';
import { refreshPostedCard } from '../hearings/hearing-card-refresh';
import { formatDateTime } from '../../i18n/dates';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { hearingCandidate, pickedOrReply, pickHearing } from './pick';

/** A deadline typed without a time is at noon, as the hearing form's. */
const NOON = { hour: 12, minute: 0 };

/** `forleng høring [høring] 2026-12-15 [9:00]` (or "fredag", "15.12 kl. 14"): a later internal deadline; everyone is told. */
export const extendHearingCommand = declareCommand({
  id: 'extend-hearing',
  audience: ['coordinator'],
  inMenu: false,
  args: z.object({ hearing: arg.hearing(), deadline: arg.date() }),
  async run(ctx, { store, hearings }) {
    const { actor, t, input } = ctx;
    const picked = pickedOrReply(
      await pickHearing(store, input.hearing),
      t,
      {
        commandId: 'extend-hearing',
        typedRef: ctx.typed.hearing,
        args: ctx.args,
        none: t.t('hearings.none'),
        unknown: (ref) => t.t('error.HEARING.UNKNOWN', { id: ref }),
        which: t.t('pick.hearing.which'),
      },
      hearingCandidate,
    );
    if ('reply' in picked) return [picked.reply];
    const to = osloInstantAt(input.deadline.date!, input.deadline.time ?? NOON);
    const extended = await extendHearing(hearings, picked.record.id, actor.member.id, to);
    if (!extended.ok) return [text(errorText(t, extended.error))];
    await refreshPostedCard(hearings, picked.record.id);
    return [
      text(
        t.t('hearing.extended', {
          title: extended.value.title,
          deadline: formatDateTime(new Date(extended.value.internalDeadline), t.locale),
          id: extended.value.id,
        }),
      ),
    ];
  },
});
