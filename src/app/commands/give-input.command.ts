import { representedBy } from '../../domain/input';
import { inputCard } from '../input/input-card';
import { loadRequest, meetingAnswers } from '../input/input-records';
import { findMeeting } from '../meetings/meeting-records';
import { text } from '../reply';
import type { Command } from './command';

/** `gi innspill [møte]`: the input card for each municipality this person answers for. */
export const giveInputCommand: Command = {
  id: 'give-input',
  audience: ['respondent'],
  takesArgument: true,
  async run({ actor, org, t, args }, { store, clock }) {
    const now = clock.now();
    const meeting = await findMeeting(store, args.trim(), now);
    if (!meeting) return [text(args.trim() ? t.t('error.MEETING.UNKNOWN', { meeting: args.trim() }) : t.t('meetings.none'))];
    const request = await loadRequest(store, meeting.id);
    if (!request) return [text(t.t('error.INPUT.NO_REQUEST', { meeting: meeting.id }))];
    const answers = await meetingAnswers(store, meeting.id);
    const mine = representedBy(org, actor.member.id).filter((r) => request.municipalities.includes(r.municipality));
    if (mine.length === 0) return [text(t.t('error.INPUT.NOT_REPRESENTATIVE'))];
    return mine.map((r) => inputCard(org, t, meeting.value, request, r.municipality, answers, now));
  },
};
