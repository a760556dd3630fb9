import { z } from 'zod';
import { reviewFor } from '../follow-up/follow-up-review';
import { meetingCardNow } from '../meetings/meeting-card-now';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { meetingArg } from './meeting-pick';

/** `saksliste [møte]`: by id, title fragment or "neste"; without one, the next meeting's agenda. */
export const agendaCommand = declareCommand({
  id: 'agenda',
  audience: ['anyone-registered'],
  args: z.object({ meeting: arg.meeting() }),
  async run(ctx, { store, clock }) {
    const { actor, org, t, input } = ctx;
    const found = await meetingArg(ctx, 'agenda', input.meeting, store, clock.now());
    if ('reply' in found) return [found.reply];
    const meeting = found.record;
    // The coordinator is told of open follow-up tasks to review; taking them up is a choice (`oppfølging <møte>`).
    const review =
      actor.roles.has('coordinator') && meeting.value.state === 'planned' ? await reviewFor(store, meeting.value) : [];
    const hint =
      review.length > 0
        ? [
            text(
              t.t('follow-up.review.hint', {
                count: review.length,
                usage: `${t.t('command.follow-up.name')} ${meeting.id}`,
              }),
            ),
          ]
        : [];
    return [await meetingCardNow(store, org, t, meeting.value), ...hint];
  },
});
