import { z } from 'zod';
import { inputSummaryCard } from '../input/input-summary-card';
import { loadRequest, meetingAnswers } from '../input/input-records';
import { text } from '../reply';
import { meetingArg } from './meeting-pick';
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
  async run(ctx, { store, clock, links, scheduler }) {
    const { actor, org, t, input } = ctx;
    const now = clock.now();
    // A title fragment matching several meetings is answered with a choice, not "unknown".
    const picked = await meetingArg(ctx, 'input-summary', input.meeting, store, now);
    if ('reply' in picked) return [picked.reply];
    const meeting = picked.record;
    const request = await loadRequest(store, meeting.id);
    if (!request) return [text(t.t('error.INPUT.NO_REQUEST', { meeting: meeting.id }))];
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
