import { namedForMinutes, showMinutes } from '../minutes/minutes-view';
import type { Command } from './command';

/** `godkjenn protokoll [møte]`: the minutes with the approve button for one who took part. */
export const approveMinutesCommand: Command = {
  id: 'approve-minutes',
  audience: ['member', 'coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, org, t, args }, { store, clock, links }) {
    const found = await namedForMinutes(store, t, args, clock.now());
    if ('reply' in found) return [found.reply];
    const viewer = { memberId: actor.member.id, coordinator: actor.roles.has('coordinator') };
    return [await showMinutes({ store, clock, links }, org, t, found.meetingId, viewer)];
  },
};
