import type { Member } from '../../domain/member';
import type { Role } from '../../domain/role';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { upsert } from '../../ports/record-store';
import type { CardAction, CardActionContext, CardActionOutcome } from '../card-action';
import type { DomainError } from '../../domain/result';
import { errorText } from '../error-text';
import type { Notice } from '../notice';
import { success } from '../notice';
import { text } from '../reply';
import { teamsUserIds } from '../teams-users';
import { castVoteBallot } from './cast-vote-ballot';
import { closeOpenVote } from './close-open-vote';
import type { KeyedLock } from './keyed-lock';
import { mayOpenVote, openNewVote } from './open-vote';
import { readVoteForm, voteForm } from './vote-form';
import type { VoteRecord } from './vote-records';
import { loadVote, VOTES } from './vote-records';
import { agendaItemForVote, openAgendaItems, readAgendaRef } from './agenda-link';
import { formatCaseNumber } from '../../domain/case-number';
import { voteCard } from './vote-view';
import type { JobScheduler } from '../scheduling/scheduler';
import { CLOSE_AT_DEADLINE, closeJobId } from './close-job';
import { updateSharedCard } from '../delivery/shared-cards';
import type { Translator } from '../../i18n/catalogue';
import type { Organisation } from '../../domain/organisation';
import type { SharedCardRenderer } from '../delivery/shared-cards';

export interface VotingDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly lock: KeyedLock;
  /** Closes votes at their deadline; absent where nothing runs jobs (some tests). */
  readonly scheduler?: JobScheduler;
}

/** The coordinator, whoever opened the vote, and the body's chair may close it. */
export function mayCloseVote(vote: VoteRecord, member: Member, roles: ReadonlySet<Role>): boolean {
  return vote.openedBy === member.id || mayOpenVote(member, roles, vote.body);
}

const voteIdOf = (ctx: CardActionContext) => (typeof ctx.data.voteId === 'string' ? ctx.data.voteId : '');

/** The card as the person who pressed sees it, or the error in their language. */
async function personalView(
  deps: VotingDeps,
  ctx: CardActionContext,
  notice?: Notice | string,
  voteId = voteIdOf(ctx),
): Promise<CardActionOutcome> {
  const loaded = await loadVote(deps.store, voteId);
  if (!loaded) return { respond: text(ctx.t.t('error.VOTE.UNKNOWN', { vote: voteId })) };
  const vote = loaded.vote.value;
  const viewer = { memberId: ctx.actor.member.id, mayClose: mayCloseVote(vote, ctx.actor.member, ctx.actor.roles) };
  return {
    respond: voteCard(ctx.org, ctx.t, vote, loaded.box.value, viewer, deps.clock.now(), notice ? { notice } : {}),
  };
}

/** The card everyone sees: no personal choice; Teams refreshes it per person for up to 60 listed users. */
export async function sharedView(deps: VotingDeps, ctx: Pick<CardActionContext, 'org' | 't'>, voteId: string) {
  const loaded = await loadVote(deps.store, voteId);
  if (!loaded || loaded.vote.value.state === 'draft') return undefined;
  const vote = loaded.vote.value;
  const casters = vote.electorate.voters.flatMap((v) => v.casters);
  const refreshUserIds = casters.length <= 60 ? await teamsUserIds(deps.store, casters) : [];
  return {
    vote,
    reply: voteCard(ctx.org, ctx.t, vote, loaded.box.value, { mayClose: false }, deps.clock.now(), { refreshUserIds }),
  };
}

/**
 * The posted card changed (a ballot, a close): its update is a paced, coalesced job, so a
 * burst of ballots ends with the card showing all of them. Without a scheduler (some tests)
 * nothing updates it.
 */
export async function voteCardChanged(deps: VotingDeps, vote: VoteRecord, t: Translator, final = false): Promise<void> {
  if (!vote.posted || !deps.scheduler) return;
  await updateSharedCard(
    { scheduler: deps.scheduler, clock: deps.clock },
    { card: 'vote', id: vote.id, locale: t.locale },
    { final },
  );
}

/** The posted vote card as it is now, for the shared-card job. */
export function voteCardNow(
  deps: VotingDeps,
  organisation: () => Organisation,
  translator: (locale: 'nb' | 'en') => Translator,
  fallback: 'nb' | 'en',
): SharedCardRenderer {
  return async (ref) => {
    const shared = await sharedView(deps, { org: organisation(), t: translator(ref.locale ?? fallback) }, ref.id);
    const posted = shared?.vote.posted;
    return shared && posted
      ? { conversationId: posted.conversationId, activityId: posted.activityId, reply: shared.reply }
      : undefined;
  };
}

export function votingActions(deps: VotingDeps): CardAction[] {
  return [
    {
      verb: 'vote.open',
      // The coordinator, or the chair of the body the vote is for: mayOpenVote checks the body.
      audience: ['coordinator', 'chair'],
      refuse: async (ctx) => ({ respond: text(errorText(ctx.t, { code: 'VOTE.NOT_ALLOWED_TO_OPEN' })) }),
      async run(ctx) {
        // Refused: the form comes back with everything as typed, and why.
        const refuse = async (e: DomainError) => ({
          respond: voteForm(
            ctx.org,
            ctx.t,
            { notice: errorText(ctx.t, e), typed: ctx.data },
            await openAgendaItems(deps.store),
          ),
          refused: e,
        });
        const ref = readAgendaRef(ctx.data.case);
        const onItem = ref && (await agendaItemForVote(deps.store, ref));
        if (ref && !onItem) return refuse({ code: 'AGENDA.UNKNOWN_ITEM' });
        if (onItem && onItem.item.status !== 'open')
          return refuse({
            code: onItem.item.status === 'withdrawn' ? 'AGENDA.ITEM_WITHDRAWN' : 'AGENDA.ITEM_DECIDED',
            params: { caseNumber: formatCaseNumber(onItem.item.caseNumber) },
          });
        // A vote on a case is about the case: its title unless the coordinator wrote another.
        const form = readVoteForm(onItem && !ctx.data.title ? { ...ctx.data, title: onItem.item.title } : ctx.data);
        if (!form.ok) return refuse(form.error);
        const opened = await openNewVote({ ...deps, org: ctx.org }, ctx.actor, {
          ...form.value,
          conversationId: ctx.conversationId,
          ...(onItem && {
            // A vote on a case belongs to the case's meeting: its body, its number, its absences.
            bodyId: onItem.meeting.bodyId,
            caseNumber: formatCaseNumber(onItem.item.caseNumber),
            absent: onItem.absent,
            agendaItem: ref,
          }),
        });
        if (!opened.ok) return refuse(opened.error);
        const deadline = opened.value.settings.deadline;
        if (deadline && deps.scheduler) {
          await deps.scheduler.schedule({
            id: closeJobId(opened.value.id),
            kind: CLOSE_AT_DEADLINE,
            dueAt: deadline,
            payload: { voteId: opened.value.id },
          });
        }
        const shared = await sharedView(deps, ctx, opened.value.id);
        // The form becomes the vote, so it cannot be pressed twice to open a second one.
        const own = await personalView(
          deps,
          ctx,
          success(ctx.t.t('vote.form.opened', { id: opened.value.id, title: opened.value.title })),
          opened.value.id,
        );
        return {
          respond: own.respond,
          ...(shared && {
            post: {
              reply: shared.reply,
              posted: async (activityId: string) => {
                await upsert<VoteRecord>(
                  deps.store,
                  VOTES,
                  opened.value.id,
                  (v) => v && { ...v, posted: { conversationId: ctx.conversationId, activityId } },
                );
              },
            },
          }),
        };
      },
    },
    {
      verb: 'vote.cast',
      // Whether she has a vote here is the electorate's to say (castVoteBallot).
      audience: ['anyone-registered'],
      async run(ctx) {
        const option = typeof ctx.data.option === 'string' ? ctx.data.option : '';
        // Who casts is the authenticated person, never the payload; a named voter key is only
        // which of their own votes (a respondent for two municipalities), and checked as such.
        const voterKey = typeof ctx.data.voterKey === 'string' ? ctx.data.voterKey : undefined;
        const request = { voteId: voteIdOf(ctx), castBy: ctx.actor.member.id, option, idempotencyKey: ctx.actionId };
        const cast = await castVoteBallot(deps, voterKey ? { ...request, voterKey } : request);
        if (!cast.ok) return personalView(deps, ctx, errorText(ctx.t, cast.error));
        if (cast.value.recorded) await voteCardChanged(deps, cast.value.vote, ctx.t);
        // The cast read the vote and its box once; her card is built from those, not read again.
        const { vote, box } = cast.value;
        const viewer = {
          memberId: ctx.actor.member.id,
          mayClose: mayCloseVote(vote, ctx.actor.member, ctx.actor.roles),
        };
        return { respond: voteCard(ctx.org, ctx.t, vote, box, viewer, deps.clock.now()) };
      },
    },
    { verb: 'vote.refresh', audience: ['anyone-registered'], run: (ctx) => personalView(deps, ctx) },
    {
      verb: 'vote.close',
      // Also whoever opened it, so open to all here; mayCloseVote decides for this vote.
      audience: ['anyone-registered'],
      async run(ctx) {
        const loaded = await loadVote(deps.store, voteIdOf(ctx));
        if (!loaded) return { respond: text(ctx.t.t('error.VOTE.UNKNOWN', { vote: voteIdOf(ctx) })) };
        if (!mayCloseVote(loaded.vote.value, ctx.actor.member, ctx.actor.roles))
          return personalView(deps, ctx, ctx.t.t('error.VOTE.NOT_ALLOWED_TO_CLOSE'));
        const closed = await closeOpenVote(deps, loaded.vote.id, ctx.actor.member.id);
        if (!closed.ok) return personalView(deps, ctx, errorText(ctx.t, closed.error));
        await voteCardChanged(deps, closed.value.vote, ctx.t, true);
        return personalView(deps, ctx);
      },
    },
  ];
}
