import { formFor } from '../minutes/minutes-actions';
import { namedForMinutes, showMinutes } from '../minutes/minutes-view';
import type { Command } from './command';

/**
 * `protokoll [møte]`: the coordinator gets the form to write the minutes in (the meeting must
 * have begun); everyone else the minutes as they stand. Without a meeting: the latest one begun.
 */
export const minutesCommand: Command = {
  id: 'minutes',
  audience: ['coordinator', 'member'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, org, t, args }, { store, clock, links }) {
    const found = await namedForMinutes(store, t, args, clock.now());
    if ('reply' in found) return [found.reply];
    if (actor.roles.has('coordinator')) return [await formFor({ store, clock, links }, { t, org }, found.meetingId)];
    return [
      await showMinutes({ store, clock, links }, org, t, found.meetingId, {
        memberId: actor.member.id,
        coordinator: false,
      }),
    ];
  },
};
