import { loadVote } from '../voting/vote-records';
import { mayCloseVote } from '../voting/vote-actions';
import { voteCard } from '../voting/vote-view';
import type { Command } from './command';
import { findVote } from './find-vote';

/** `stemmer K7P3Q` or `stemmer 6/2026`: the vote as this person may see it, result once allowed. */
export const votesCommand: Command = {
  id: 'votes',
  audience: ['anyone-registered'],
  takesArgument: true,
  async run({ actor, org, t, args }, { store, clock }) {
    const found = await findVote(store, t, args, 'command.votes.usage');
    if ('reply' in found) return [found.reply];
    const loaded = await loadVote(store, found.vote.id);
    if (!loaded) return [];
    const viewer = { memberId: actor.member.id, mayClose: mayCloseVote(loaded.vote.value, actor.member, actor.roles) };
    return [voteCard(org, t, loaded.vote.value, loaded.box.value, viewer, clock.now())];
  },
};
