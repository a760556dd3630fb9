import { reviewFor } from '../follow-up/follow-up-review';
import { findMeeting } from '../meetings/meeting-records';
import { meetingCardNow } from '../meetings/meeting-card-now';
import { text } from '../reply';
import type { Command } from './command';

/** `saksliste M4TQ2`, or the next meeting's agenda. */
export const agendaCommand: Command = {
  id: 'agenda',
  audience: ['anyone-registered'],
  takesArgument: true,
  async run({ actor, org, t, args }, { store, clock }) {
    const meeting = await findMeeting(store, args.trim(), clock.now());
    if (!meeting) return [text(args.trim() ? t.t('error.MEETING.UNKNOWN', { meeting: args.trim() }) : t.t('meetings.none'))];
    // The coordinator is told of open follow-up tasks to review; taking them up is a choice (`oppfølging <møte>`).
    const review = actor.roles.has('coordinator') && meeting.value.state === 'planned' ? await reviewFor(store, meeting.value) : [];
    const hint = review.length > 0 ? [text(t.t('follow-up.review.hint', { count: review.length, usage: `${t.t('command.follow-up.name')} ${meeting.id}` }))] : [];
    return [await meetingCardNow(store, org, t, meeting.value), ...hint];
  },
};
