import { inputSummaryCard } from '../input/input-summary-card';
import { loadRequest, meetingAnswers } from '../input/input-records';
import { findMeeting } from '../meetings/meeting-records';
import { text } from '../reply';
import type { Command } from './command';

/** `innspill [møte]`: where the municipalities agree and where they diverge, with the basis document. */
export const inputSummaryCommand: Command = {
  id: 'input-summary',
  audience: ['coordinator', 'member', 'respondent'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }, { store, clock, links }) {
    const now = clock.now();
    const meeting = await findMeeting(store, args.trim(), now);
    if (!meeting) return [text(args.trim() ? t.t('error.MEETING.UNKNOWN', { meeting: args.trim() }) : t.t('meetings.none'))];
    const request = await loadRequest(store, meeting.id);
    if (!request) return [text(t.t('error.INPUT.NO_REQUEST', { meeting: meeting.id }))];
    const answers = await meetingAnswers(store, meeting.id);
    const file = (ext: string) => links.link(`/exports/${meeting.id}/grunnlag.${ext}`, now) + `&lang=${t.locale}`;
    return [inputSummaryCard(org, t, meeting.value, request, answers, { docx: file('docx'), markdown: file('md') })];
  },
};
