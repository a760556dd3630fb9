import { closeOpenHearing } from '../hearings/change-hearing';
import { errorText } from '../error-text';
import { refreshPostedCard } from '../hearings/answer-hearing';
import { hearingFromArgs } from '../hearings/hearing-args';
import { text } from '../reply';
import type { Command } from './command';

/** `lukk høring <id>`: no more responses; what was given stays for the statement. */
export const closeHearingCommand: Command = {
  id: 'close-hearing',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, t, args }, { store, hearings }) {
    const found = await hearingFromArgs(store, t, args, 'close-hearing');
    if ('reply' in found) return [found.reply];
    const closed = await closeOpenHearing(hearings, found.hearing.id, actor.member.id);
    if (!closed.ok) return [text(errorText(t, closed.error))];
    await refreshPostedCard(hearings, found.hearing.id);
    return [text(t.t('hearing.closed-notice'))];
  },
};
