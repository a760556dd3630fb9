import { showMinutes } from '../minutes/minutes-view';
import { meetingForMinutes } from '../minutes/open-minutes';
import { text } from '../reply';
import type { Command } from './command';

/** `godkjenn protokoll [møte]`: the minutes with the approve button for one who took part. */
export const approveMinutesCommand: Command = {
  id: 'approve-minutes',
  audience: ['member', 'coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, org, t, args }, { store, clock, links }) {
    const named = args.trim();
    const meeting = await meetingForMinutes(store, named, clock.now());
    if (!meeting) return [text(named ? t.t('error.MEETING.UNKNOWN', { meeting: named }) : t.t('minutes.no-meeting'))];
    return [await showMinutes({ store, clock, links }, org, t, meeting.id, { memberId: actor.member.id, coordinator: actor.roles.has('coordinator') })];
  },
};
