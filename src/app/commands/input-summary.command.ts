import { inputSummaryCard } from '../input/input-summary-card';
import { meetingAnswers } from '../input/input-records';
import { meetingWithRequest } from '../meetings/meeting-args';
import type { Command } from './command';

/** `innspill [møte]`: where the municipalities agree and where they diverge, with the basis document. */
export const inputSummaryCommand: Command = {
  id: 'input-summary',
  audience: ['coordinator', 'member', 'respondent'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }, { store, clock, links }) {
    const now = clock.now();
    const found = await meetingWithRequest(store, t, args, now);
    if ('reply' in found) return [found.reply];
    const { meeting, request } = found;
    const answers = await meetingAnswers(store, meeting.id);
    const file = (ext: string) => links.link(`/exports/${meeting.id}/grunnlag.${ext}`, now) + `&lang=${t.locale}`;
    return [inputSummaryCard(org, t, meeting.value, request, answers, { docx: file('docx'), markdown: file('md') })];
  },
};
