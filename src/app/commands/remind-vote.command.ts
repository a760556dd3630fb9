import { text } from '../reply';
import { errorText } from '../error-text';
import { mayCloseVote } from '../voting/vote-actions';
import { remindNonVoters } from '../voting/remind-non-voters';
import type { Command } from './command';
import { findVote } from './find-vote';

/** `påminn K7P3Q`: a reminder to each who has not voted yet; the coordinator sees to whom. */
export const remindVoteCommand: Command = {
  id: 'remind-vote',
  audience: ['coordinator', 'chair'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, org, t, args }, { store, clock, scheduler }) {
    const found = await findVote(store, t, args, 'command.remind-vote.usage');
    if ('reply' in found) return [found.reply];
    if (!mayCloseVote(found.vote.value, actor.member, actor.roles)) return [text(t.t('error.VOTE.NOT_ALLOWED_TO_CLOSE'))];
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
};
