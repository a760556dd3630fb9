import { text } from '../reply';
import { errorText } from '../error-text';
import { mayCloseVote } from '../voting/vote-actions';
import { remindNonVoters } from '../voting/remind-non-voters';
import { z } from 'zod';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { findVote } from './find-vote';

/** `påminn K7P3Q`: a reminder to each who has not voted yet; the coordinator sees to whom. */
export const remindVoteCommand = declareCommand({
  id: 'remind-vote',
  audience: ['coordinator', 'chair'],
  inMenu: false,
  args: z.object({ vote: arg.vote() }),
  async run({ actor, org, t, input }, { store, clock, scheduler }) {
    const found = await findVote(store, t, input.vote ?? '', 'command.remind-vote.usage');
    if ('reply' in found) return [found.reply];
    if (!mayCloseVote(found.vote.value, actor.member, actor.roles))
      return [text(t.t('error.VOTE.NOT_ALLOWED_TO_CLOSE'))];
    const report = await remindNonVoters({ store, clock, scheduler }, org, t, found.vote.id);
    if (!report.ok) return [text(errorText(t, report.error))];
    const { reminded, unreachable } = report.value;
    return [
      text(
        t.t('vote.reminded', {
          count: reminded.length,
          names: reminded.join(', ') || '-',
          unreachable: unreachable.length,
          unreachableNames: unreachable.join(', '),
        }),
      ),
    ];
  },
});
