import { z } from 'zod';
import { namedForMinutes, showMinutes } from '../minutes/minutes-view';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/** `godkjenn protokoll [møte]`: the minutes with the approve button for one who took part. */
export const approveMinutesCommand = declareCommand({
  id: 'approve-minutes',
  audience: ['member', 'coordinator'],
  args: z.object({ meeting: arg.meeting() }),
  inMenu: false,
  async run({ actor, org, t, input }, { store, clock, links }) {
    const found = await namedForMinutes(store, t, input.meeting ?? '', clock.now());
    if ('reply' in found) return [found.reply];
    const viewer = { memberId: actor.member.id, coordinator: actor.roles.has('coordinator') };
    return [await showMinutes({ store, clock, links }, org, t, found.meetingId, viewer)];
  },
});
