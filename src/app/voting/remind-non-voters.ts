import { notVotedYet } from '../../domain/ballot';
import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Translator } from '../../i18n/catalogue';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import type { Reply } from '../reply';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler } from '../scheduling/scheduler';
import { loadVote } from './vote-records';

export interface ReminderReport {
  readonly reminded: readonly string[];
  /** Not voted, but never opened a personal chat with the bot: it cannot write to them first. */
  readonly unreachable: readonly string[];
}

/**
 * Reminds those who have not voted, never those who have: one outbox message each to
 * their personal chat. The job id names the vote, the person and the minute, so a
 * double-clicked reminder sends one message, and a reminder later in the day sends again.
 */
export async function remindNonVoters(
  deps: { store: RecordStore; clock: Clock; scheduler: JobScheduler },
  org: Organisation,
  t: Translator,
  voteId: string,
): Promise<Result<ReminderReport>> {
  const loaded = await loadVote(deps.store, voteId);
  if (!loaded) return fail('VOTE.UNKNOWN', { vote: voteId });
  const vote = loaded.vote.value;
  if (vote.state !== 'open') return fail(vote.state === 'closed' ? 'VOTE.CLOSED' : 'VOTE.NOT_OPEN');
  const missing = new Set(notVotedYet(vote, loaded.box.value));
  const people = vote.electorate.voters.filter((v) => missing.has(v.key)).flatMap((v) => v.casters);
  const chats = await personalChats(deps.store);
  const now = deps.clock.now();
  const minute = now.toISOString().slice(0, 16);
  const reminded: string[] = [];
  const unreachable: string[] = [];
  const jobs = [];
  for (const memberId of new Set(people)) {
    const member = memberById(org, memberId);
    if (!member) continue;
    const chat = await chats.of(member);
    if (!chat) {
      unreachable.push(member.name);
      continue;
    }
    reminded.push(member.name);
    const message: Reply = text(
      t.t('vote.reminder', { name: member.name, id: vote.id, title: vote.title, usage: t.t('command.votes.name') }),
    );
    jobs.push(messageJob(`vote-remind:${vote.id}:${memberId}:${minute}`, { conversationId: chat, message }, now));
  }
  await deps.scheduler.scheduleMany(jobs);
  return ok({ reminded, unreachable });
}
