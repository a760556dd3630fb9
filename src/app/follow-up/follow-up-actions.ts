import { openTasks } from '../../domain/follow-up';
import { success } from '../notice';
import { errorText } from '../error-text';
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

const message = (ctx: CardActionContext, e: DomainError): string => errorText(ctx.t, e);
const field = (ctx: CardActionContext, key: string): string =>
  typeof ctx.data[key] === 'string' ? ctx.data[key].trim() : '';
const viewerOf = (ctx: CardActionContext) => ({
  memberId: ctx.actor.member.id,
  coordinator: ctx.actor.roles.has('coordinator'),
});

/** The open tasks this person sees: all for the coordinator, their own for others. */
export async function visibleTasks(
  store: MinutesViewDeps['store'],
  viewer: { memberId: string; coordinator: boolean },
) {
  return openTasks(await allTasks(store, viewer.coordinator ? {} : { owner: viewer.memberId }));
}

const notAllowed = async (ctx: CardActionContext) => ({ respond: text(ctx.t.t('error.FOLLOW_UP.NOT_ALLOWED')) });

export function followUpActions(deps: MinutesViewDeps & { scheduler: JobScheduler }): CardAction[] {
  return [
    {
      verb: 'follow-up.create',
      audience: ['coordinator'],
      refuse: notAllowed,
      async run(ctx) {
        const meetingId = field(ctx, 'meetingId');
        const request = {
          meetingId,
          itemId: field(ctx, 'itemId'),
          owner: field(ctx, 'owner'),
          due: field(ctx, 'due'),
          description: field(ctx, 'description'),
        };
        const added = await addFollowUp(deps, ctx.org, { ...request, by: ctx.actor.member.id, actionId: ctx.actionId });
        // Refused, the task form keeps what was typed.
        if (!added.ok)
          return {
            respond: await showMinutes(
              deps,
              ctx.org,
              ctx.t,
              meetingId,
              viewerOf(ctx),
              message(ctx, added.error),
              ctx.data,
            ),
          };
        // A reminder is promised only when one can come before the due date (a task due tomorrow gets none).
        const remindedBefore = reminderJobs(added.value, deps.clock.now()).some((j) => j.payload.when !== 'overdue');
        const notice = ctx.t.t(remindedBefore ? 'follow-up.created' : 'follow-up.created.no-reminder-before', {
          id: added.value.id,
        });
        return { respond: await showMinutes(deps, ctx.org, ctx.t, meetingId, viewerOf(ctx), success(notice)) };
      },
    },
    {
      verb: 'follow-up.done',
      // Her own task, or any task for the coordinator: finishFollowUp checks which.
      audience: ['anyone-registered'],
      async run(ctx) {
        const viewer = viewerOf(ctx);
        const done = await finishFollowUp(deps, field(ctx, 'taskId'), viewer);
        const notice = done.ok
          ? success(ctx.t.t('follow-up.closed', { description: done.value.description }))
          : message(ctx, done.error);
        return {
          respond: followUpCard(
            ctx.org,
            ctx.t,
            await visibleTasks(deps.store, viewer),
            viewer,
            deps.clock.now(),
            notice,
          ),
        };
      },
    },
    {
      verb: 'follow-up.review',
      audience: ['coordinator'],
      refuse: notAllowed,
      async run(ctx) {
        const added = await addReviewItem(deps.store, ctx.org, ctx.t, field(ctx, 'meetingId'));
        return {
          respond: added.ok
            ? await meetingCardNow(deps.store, ctx.org, ctx.t, added.value)
            : text(message(ctx, added.error)),
        };
      },
    },
  ];
}
