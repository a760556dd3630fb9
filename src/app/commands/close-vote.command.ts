import { text } from '../reply';
import { errorText } from '../error-text';
import { closeOpenVote } from '../voting/close-open-vote';
import { loadVote } from '../voting/vote-records';
import { mayCloseVote, voteCardChanged } from '../voting/vote-actions';
import { voteCard } from '../voting/vote-view';
import { z } from 'zod';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { findVote } from './find-vote';

export const closeVoteCommand = declareCommand({
  id: 'close-vote',
  audience: ['coordinator', 'chair'],
  inMenu: false, // mostly used from the vote card's own button
  args: z.object({ vote: arg.vote() }),
  async run({ actor, org, t, input }, { store, clock, voteLock, scheduler }) {
    const found = await findVote(store, t, input.vote ?? '', 'command.close-vote.usage');
    if ('reply' in found) return [found.reply];
    if (!mayCloseVote(found.vote.value, actor.member, actor.roles))
      return [text(t.t('error.VOTE.NOT_ALLOWED_TO_CLOSE'))];
    const closed = await closeOpenVote({ store, clock, lock: voteLock }, found.vote.id, actor.member.id);
    if (!closed.ok) return [text(errorText(t, closed.error))];
    // The card posted where the vote was opened becomes the result too, not only this answer.
    await voteCardChanged({ store, clock, lock: voteLock, scheduler }, closed.value.vote, t, true);
    const loaded = await loadVote(store, found.vote.id);
    if (!loaded) return [];
    return [
      voteCard(
        org,
        t,
        loaded.vote.value,
        loaded.box.value,
        { memberId: actor.member.id, mayClose: false },
        clock.now(),
      ),
    ];
  },
});
