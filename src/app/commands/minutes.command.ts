import { z } from 'zod';
import { formFor } from '../minutes/minutes-actions';
import { namedForMinutes, showMinutes } from '../minutes/minutes-view';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/**
 * `protokoll [møte]`: the coordinator gets the form to write the minutes in (the meeting must
 * have begun); everyone else the minutes as they stand. Without a meeting: the latest one begun.
 */
export const minutesCommand = declareCommand({
  id: 'minutes',
  audience: ['coordinator', 'member'],
  args: z.object({ meeting: arg.meeting() }),
  inMenu: false,
  async run({ actor, org, t, input }, { store, clock, links }) {
    const found = await namedForMinutes(store, t, input.meeting ?? '', clock.now());
    if ('reply' in found) return [found.reply];
    if (actor.roles.has('coordinator')) return [await formFor({ store, clock, links }, { t, org }, found.meetingId)];
    return [
      await showMinutes({ store, clock, links }, org, t, found.meetingId, {
        memberId: actor.member.id,
        coordinator: false,
      }),
    ];
  },
});
