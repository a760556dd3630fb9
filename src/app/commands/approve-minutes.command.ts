import { z } from 'zod';
import { showMinutes } from '../minutes/minutes-view';
import { minutesMeetingArg } from './minutes-pick';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/**
 * `godkjenn protokoll [møte]`: the minutes with the approve button for one who took part; without
 * a meeting, the draft minutes, a choice when several wait for approval.
 */
export const approveMinutesCommand = declareCommand({
  id: 'approve-minutes',
  audience: ['member', 'coordinator'],
  args: z.object({ meeting: arg.meeting() }),
  inMenu: false,
  async run(ctx, { store, clock, links }) {
    const { actor, org, t } = ctx;
    const found = await minutesMeetingArg(ctx, 'approve-minutes', store, clock.now(), 'approve');
    if ('reply' in found) return [found.reply];
    const viewer = { memberId: actor.member.id, coordinator: actor.roles.has('coordinator') };
    return [await showMinutes({ store, clock, links }, org, t, found.record.id, viewer)];
  },
});
