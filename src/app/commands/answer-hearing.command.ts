import { representedBy } from '../../domain/input';
import { hearingCard } from '../hearings/hearing-card';
import { hearingFromArgs } from '../hearings/hearing-args';
import { hearingResponses } from '../hearings/hearing-records';
import { text } from '../reply';
import type { Command } from './command';

/** `svar høring [id]`: the response card for each municipality this person answers for. */
export const answerHearingCommand: Command = {
  id: 'answer-hearing',
  audience: ['respondent'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, org, t, args }, { store, clock }) {
    const found = await hearingFromArgs(store, t, args, 'answer-hearing');
    if ('reply' in found) return [found.reply];
    const h = found.hearing;
    const mine = representedBy(org, actor.member.id).filter((r) => h.municipalities.includes(r.municipality));
    if (mine.length === 0) return [text(t.t('error.HEARING.NOT_REPRESENTATIVE'))];
    const responses = await hearingResponses(store, h.id);
    return mine.map((r) => hearingCard(org, t, h, r.municipality, responses, clock.now()));
  },
};
