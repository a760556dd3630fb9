import { openTasks } from '../../domain/follow-up';
import type { DomainError } from '../../domain/result';
import type { CardAction, CardActionContext } from '../card-action';
import type { MinutesViewDeps } from '../minutes/minutes-view';
import { showMinutes } from '../minutes/minutes-view';
import { meetingCardNow } from '../meetings/meeting-card-now';
import { text } from '../reply';
import type { JobScheduler } from '../scheduling/scheduler';
import { followUpCard } from './follow-up-card';
import { allTasks } from './follow-up-records';
import { addReviewItem } from './follow-up-review';
import { addFollowUp, finishFollowUp } from './follow-up-tasks';
import { reminderJobs } from './follow-up-reminders';

const message = (ctx: CardActionContext, e: DomainError): string => ctx.t.t(`error.${e.code}`, e.params as Record<string, string | number>);
const field = (ctx: CardActionContext, key: string): string => (typeof ctx.data[key] === 'string' ? (ctx.data[key] as string).trim() : '');
const viewerOf = (ctx: CardActionContext) => ({ memberId: ctx.actor.member.id, coordinator: ctx.actor.roles.has('coordinator') });

/** The open tasks this person sees: all for the coordinator, their own for others. */
export async function visibleTasks(store: MinutesViewDeps['store'], viewer: { memberId: string; coordinator: boolean }) {
  return openTasks(await allTasks(store, viewer.coordinator ? {} : { owner: viewer.memberId }));
}

export function followUpActions(deps: MinutesViewDeps & { scheduler: JobScheduler }): CardAction[] {
  return [
    {
      verb: 'follow-up.create',
      async run(ctx) {
        const meetingId = field(ctx, 'meetingId');
        if (!ctx.actor.roles.has('coordinator')) return { respond: text(ctx.t.t('error.FOLLOW_UP.NOT_ALLOWED')) };
        const request = { meetingId, itemId: field(ctx, 'itemId'), owner: field(ctx, 'owner'), due: field(ctx, 'due'), description: field(ctx, 'description') };
        const added = await addFollowUp(deps, ctx.org, { ...request, by: ctx.actor.member.id, actionId: ctx.actionId });
        // A reminder is promised only when one can come before the due date (a task due tomorrow gets none).
        const remindedBefore = added.ok && reminderJobs(added.value, deps.clock.now()).some((j) => j.payload.when !== 'overdue');
        const notice = added.ok ? ctx.t.t(remindedBefore ? 'follow-up.created' : 'follow-up.created.no-reminder-before', { id: added.value.id }) : message(ctx, added.error);
        return { respond: await showMinutes(deps, ctx.org, ctx.t, meetingId, viewerOf(ctx), notice) };
      },
    },
    {
      verb: 'follow-up.done',
      async run(ctx) {
        const viewer = viewerOf(ctx);
        const done = await finishFollowUp(deps, field(ctx, 'taskId'), viewer);
        const notice = done.ok ? ctx.t.t('follow-up.closed', { description: done.value.description }) : message(ctx, done.error);
        return { respond: followUpCard(ctx.org, ctx.t, await visibleTasks(deps.store, viewer), viewer, deps.clock.now(), notice) };
      },
    },
    {
      verb: 'follow-up.review',
      async run(ctx) {
        if (!ctx.actor.roles.has('coordinator')) return { respond: text(ctx.t.t('error.FOLLOW_UP.NOT_ALLOWED')) };
        const added = await addReviewItem(deps.store, ctx.org, ctx.t, field(ctx, 'meetingId'));
        return { respond: added.ok ? await meetingCardNow(deps.store, ctx.org, ctx.t, added.value) : text(message(ctx, added.error)) };
      },
    },
  ];
}
