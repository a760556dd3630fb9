import { formFor } from '../minutes/minutes-actions';
import { showMinutes } from '../minutes/minutes-view';
import { meetingForMinutes } from '../minutes/open-minutes';
import { text } from '../reply';
import type { Command } from './command';

/**
 * `protokoll [møte]`: the coordinator gets the form to write the minutes in (the meeting must
 * have begun); everyone else the minutes as they stand. Without a meeting: the latest one held.
 */
export const minutesCommand: Command = {
  id: 'minutes',
  audience: ['coordinator', 'member'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, org, t, args }, { store, clock, links }) {
    const named = args.trim();
    const meeting = await meetingForMinutes(store, named, clock.now());
    if (!meeting) return [text(named ? t.t('error.MEETING.UNKNOWN', { meeting: named }) : t.t('minutes.no-meeting'))];
    if (actor.roles.has('coordinator')) return [await formFor({ store, clock, links }, { t, org }, meeting.id)];
    return [await showMinutes({ store, clock, links }, org, t, meeting.id, { memberId: actor.member.id, coordinator: false })];
  },
};
