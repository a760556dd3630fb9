import { z } from 'zod';
import { formFor } from '../minutes/minutes-actions';
import { showMinutes } from '../minutes/minutes-view';
import { minutesMeetingArg } from './minutes-pick';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/**
 * `protokoll [møte]`: the coordinator gets the form to write the minutes in (the meeting must
 * have begun); everyone else the minutes as they stand. The meeting by id, title fragment or
 * neste/next; without one, the one whose minutes are still to do, a choice when several are.
 */
export const minutesCommand = declareCommand({
  id: 'minutes',
  audience: ['coordinator', 'member'],
  args: z.object({ meeting: arg.meeting() }),
  inMenu: false,
  async run(ctx, { store, clock, links }) {
    const { actor, org, t } = ctx;
    const found = await minutesMeetingArg(ctx, 'minutes', store, clock.now(), 'write');
    if ('reply' in found) return [found.reply];
    if (actor.roles.has('coordinator')) return [await formFor({ store, clock, links }, { t, org }, found.record.id)];
    return [
      await showMinutes({ store, clock, links }, org, t, found.record.id, {
        memberId: actor.member.id,
        coordinator: false,
      }),
    ];
  },
});
