import { z } from 'zod';
import { cancelMeeting } from '../../domain/meeting';
import { audit } from '../audit';
import { meetingCancelled } from '../meetings/follow-meeting';
import { findMeeting } from '../meetings/meeting-records';
import { meetingCard } from '../meetings/meeting-view';
import { replaceMeeting } from '../meetings/replace-meeting';
import { errorText } from '../error-text';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

/** `avlys møte M4TQ2 [grunn]`: the formøte goes with it; everyone called is told. */
export const cancelMeetingCommand = declareCommand({
  id: 'cancel-meeting',
  audience: ['coordinator'],
  inMenu: false,
  // Cancelling is not undone, so "the next meeting" is never assumed: the id is required.
  args: z.object({ meeting: arg.meetingNamed(), reason: arg.text() }),
  async run({ actor, org, t, input }, { store, clock, scheduler }) {
    const now = clock.now();
    const meeting = await findMeeting(store, input.meeting, now);
    if (!meeting) return [text(t.t('error.MEETING.UNKNOWN', { meeting: input.meeting }))];
    const reason = input.reason ?? '';
    const cancelled = cancelMeeting(meeting.value, now, reason);
    if (!cancelled.ok) return [text(errorText(t, cancelled.error))];
    if (!(await replaceMeeting(store, meeting, cancelled.value))) return [text(t.t('error.MEETING.CHANGED'))];
    await audit(store, {
      kind: 'meeting.cancelled',
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { meetingId: meeting.id },
    });
    await meetingCancelled({ store, clock, scheduler }, org, cancelled.value);
    return [meetingCard(org, t, cancelled.value, t.t('meeting.cancelled-told'))];
  },
});
