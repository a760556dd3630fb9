import { itemsForInput } from '../../domain/agenda';
import { representedBy } from '../../domain/input';
import { inputCard } from '../input/input-card';
import { meetingAnswers } from '../input/input-records';
import { meetingWithRequest } from '../meetings/meeting-args';
import { text } from '../reply';
import type { Command } from './command';

/** `gi innspill [møte]`: the input card for each municipality this person answers for. */
export const giveInputCommand: Command = {
  id: 'give-input',
  audience: ['respondent'],
  takesArgument: true,
  async run({ actor, org, t, args }, { store, clock }) {
    const now = clock.now();
    const found = await meetingWithRequest(store, t, args, now);
    if ('reply' in found) return [found.reply];
    const { meeting, request } = found;
    const mine = representedBy(org, actor.member.id).filter((r) => request.municipalities.includes(r.municipality));
    if (mine.length === 0) return [text(t.t('error.INPUT.NOT_REPRESENTATIVE'))];
    // Only the approval of the minutes: nothing to take a position on yet.
    if (itemsForInput(meeting.value).length === 0) return [text(t.t('input.no-cases', { title: meeting.value.title }))];
    const answers = await meetingAnswers(store, meeting.id);
    return mine.map((r) => inputCard(org, t, meeting.value, request, r.municipality, answers, now));
  },
};
