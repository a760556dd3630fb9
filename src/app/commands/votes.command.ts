import { z } from 'zod';
import { loadVote } from '../voting/vote-records';
import { mayCloseVote } from '../voting/vote-actions';
import { voteCard } from '../voting/vote-view';
import { findVote } from './find-vote';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/** `stemmer K7P3Q` or `stemmer 6/2026`: the vote as this person may see it, result once allowed. */
export const votesCommand = declareCommand({
  id: 'votes',
  audience: ['anyone-registered'],
  args: z.object({ vote: arg.vote() }),
  async run({ actor, org, t, input }, { store, clock }) {
    const found = await findVote(store, t, input.vote ?? '', 'command.votes.usage');
    if ('reply' in found) return [found.reply];
    const loaded = await loadVote(store, found.vote.id);
    if (!loaded) return [];
    const viewer = { memberId: actor.member.id, mayClose: mayCloseVote(loaded.vote.value, actor.member, actor.roles) };
    return [voteCard(org, t, loaded.vote.value, loaded.box.value, viewer, clock.now())];
  },
});
