import { z } from 'zod';
import { inputSummaryCard } from '../input/input-summary-card';
import { meetingAnswers } from '../input/input-records';
import { meetingWithRequest } from '../meetings/meeting-args';
import { archiveBasisDocument } from '../archive/archive-triggers';
import { libraryUrl } from '../archive/archive-records';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/** `innspill [møte]`: where the municipalities agree and where they diverge, with the basis document. */
export const inputSummaryCommand = declareCommand({
  id: 'input-summary',
  audience: ['coordinator', 'member', 'respondent'],
  args: z.object({ meeting: arg.meeting() }),
  inMenu: false,
  async run({ actor, org, t, input }, { store, clock, links, scheduler }) {
    const now = clock.now();
    const found = await meetingWithRequest(store, t, input.meeting ?? '', now);
    if ('reply' in found) return [found.reply];
    const { meeting, request } = found;
    const answers = await meetingAnswers(store, meeting.id);
    // A coordinator asking is taking the basis document as it stands: it goes to the library too.
    const library = actor.roles.has('coordinator')
      ? await archiveBasisDocument({ store, scheduler, clock }, meeting.value, request, answers)
      : await libraryUrl(store, 'basis-document', meeting.id);
    const file = (ext: string) => links.link(`/exports/${meeting.id}/grunnlag.${ext}`, now) + `&lang=${t.locale}`;
    return [
      inputSummaryCard(org, t, meeting.value, request, answers, { docx: file('docx'), markdown: file('md'), library }),
    ];
  },
});
