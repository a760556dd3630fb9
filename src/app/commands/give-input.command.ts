import { z } from 'zod';
import { itemsForInput } from '../../domain/agenda';

import { inputCard } from '../input/input-card';
import { loadRequest, meetingAnswers } from '../input/input-records';
import { meetingArg } from './meeting-pick';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';
import { answersFor } from '../../domain/municipal-answer';

/** `gi innspill [møte]`: the input card for each municipality this person answers for. */
export const giveInputCommand = declareCommand({
  id: 'give-input',
  audience: ['respondent'],
  args: z.object({ meeting: arg.meeting() }),
  async run(ctx, { store, clock }) {
    const { actor, org, t, input } = ctx;
    const now = clock.now();
    // A title fragment matching several meetings is answered with a choice, not "unknown".
    const picked = await meetingArg(ctx, 'give-input', input.meeting, store, now);
    if ('reply' in picked) return [picked.reply];
    const meeting = picked.record;
    const request = await loadRequest(store, meeting.id);
    if (!request) return [text(t.t('error.INPUT.NO_REQUEST', { meeting: meeting.id }))];
    const mine = answersFor(org, actor.member.id).filter((r) => request.municipalities.includes(r.municipality));
    if (mine.length === 0) return [text(t.t('error.INPUT.NOT_REPRESENTATIVE'))];
    // Only the approval of the minutes: nothing to take a position on yet.
    if (itemsForInput(meeting.value).length === 0) return [text(t.t('input.no-cases', { title: meeting.value.title }))];
    const answers = await meetingAnswers(store, meeting.id);
    return mine.map((r) => inputCard(org, t, meeting.value, request, r.municipality, answers, now));
  },
});
