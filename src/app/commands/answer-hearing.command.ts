import { z } from 'zod';

import { hearingCard } from '../hearings/hearing-card';
import { hearingResponses } from '../hearings/hearing-records';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';
import { pickedHearing } from './picked-hearing';
import { answersFor } from '../../domain/municipal-answer';

/** `svar høring [id]`: the response card for each municipality this person answers for. */
export const answerHearingCommand = declareCommand({
  id: 'answer-hearing',
  audience: ['respondent'],
  args: z.object({ hearing: arg.hearing() }),
  inMenu: false,
  async run(ctx, { store, clock }) {
    const { actor, org, t } = ctx;
    const found = await pickedHearing(store, 'answer-hearing', ctx);
    if ('reply' in found) return [found.reply];
    const h = found.hearing;
    const mine = answersFor(org, actor.member.id).filter((r) => h.municipalities.includes(r.municipality));
    if (mine.length === 0) return [text(t.t('error.HEARING.NOT_REPRESENTATIVE'))];
    const responses = await hearingResponses(store, h.id);
    return mine.map((r) => hearingCard(org, t, h, r.municipality, responses, clock.now()));
  },
});
