import { z } from 'zod';
import { cancelMeeting } from '../../domain/meeting';
import { confirmCancel, cancelConfirmation } from '../meetings/cancel-meeting';
import { loadPreMeeting } from '../meetings/announcement-records';
import { errorText } from '../error-text';
import { text } from '../reply';
import { teamsUserIds } from '../teams-users';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { echo } from './grammar/echo';
import { pickMeetingToCancel } from './cancel-meeting-pick';
import { choiceReply, meetingCandidate } from './pick';
import { meetingOrTextReply } from './meeting-or-text';

/**
 * `avlys møte [møte:] [grunn]`: the meeting by id, "neste", a name before a colon or title words, or chosen among the
 * coming ones. Cancelling tells everyone called and is not undone, so even one candidate is
 * only offered: the card asks, with the reason editable, and its button cancels
 * (`meeting.cancel`, src/app/meetings/cancel-meeting.ts). The formøte goes with it.
 */
export const cancelMeetingCommand = declareCommand({
  id: 'cancel-meeting',
  audience: ['coordinator'],
  inMenu: false,
  args: z.object({ meeting: arg.meeting(), reason: arg.text() }),
  async run({ actor, conversation, org, t, input, typed, args }, { store, clock }) {
    const now = clock.now();
    const given = { ...input, typedMeeting: typed.meeting, args };
    const { picked, ref, reason, ambiguous } = await pickMeetingToCancel(store, given, now);
    if (ambiguous) return [meetingOrTextReply(t, 'cancel-meeting', 'reason', ambiguous)];
    switch (picked.kind) {
      case 'none':
        return [text(t.t('meeting.cancel.none'))];
      case 'unknown':
        return [text(t.t('error.MEETING.UNKNOWN', { meeting: echo(picked.ref) }))];
      case 'several': {
        const named = ref;
        const question = named
          ? t.t('pick.meeting.several-cancel', { ref: echo(named) })
          : t.t('pick.meeting.which-cancel');
        const candidates = picked.candidates.map(meetingCandidate(t));
        return [choiceReply(t, question, 'cancel-meeting', candidates, undefined, reason)];
      }
      case 'one': {
        const meeting = picked.record.value;
        const checked = cancelMeeting(meeting, now, reason);
        // Where others read it too, the card is neutral and refreshed into the coordinator's view.
        const sharedWith = conversation.kind === 'personal' ? undefined : actor.member.id;
        if (checked.ok) return [await confirmCancel({ store }, org, t, meeting, reason, sharedWith)];
        if (checked.error.code !== 'MEETING.CANCEL_REASON_TOO_LONG') return [text(errorText(t, checked.error))];
        const pre = await loadPreMeeting(store, meeting.id);
        const shared = sharedWith ? { refreshUserIds: await teamsUserIds(store, [sharedWith]) } : undefined;
        return [cancelConfirmation(org, t, meeting, pre, reason, errorText(t, checked.error), shared)];
      }
    }
  },
});
