import type { Meeting } from '../../domain/meeting';
import { success, warning } from '../notice';
import { errorText } from '../error-text';
import type { DomainError } from '../../domain/result';
import type { CardAction, CardActionContext, CardActionOutcome } from '../card-action';
import { MEETINGS } from '../meetings/meeting-records';
import { text } from '../reply';
import { approveMinutesAsMember } from './approve-as-member';
import { loadMinutes } from './minutes-records';
import type { MinutesViewDeps } from './minutes-view';
import { showMinutes, showMinutesForm } from './minutes-view';
import { heldMeeting, minutesOf } from './open-minutes';
import { saveMinutes } from './save-minutes';
import { requestApproval } from './request-approval';
import type { JobScheduler } from '../scheduling/scheduler';
import { archiveApprovedMinutes } from '../archive/archive-triggers';
import { adoptPlansDecidedAt } from '../action-plan/action-plan-adoption';
import { adoptedNotice } from '../action-plan/action-plan-view';

const message = (ctx: CardActionContext, e: DomainError): string => errorText(ctx.t, e);
const meetingIdOf = (ctx: CardActionContext): string =>
  typeof ctx.data.meetingId === 'string' ? ctx.data.meetingId : '';
const viewerOf = (ctx: CardActionContext) => ({
  memberId: ctx.actor.member.id,
  coordinator: ctx.actor.roles.has('coordinator'),
});
const notAllowed = async (ctx: CardActionContext): Promise<CardActionOutcome> => ({
  respond: text(ctx.t.t('error.MINUTES.NOT_ALLOWED')),
});

/** The coordinator's form: the draft, or for approved minutes the form for a new version. */
export async function formFor(
  deps: MinutesViewDeps,
  ctx: Pick<CardActionContext, 't' | 'org'>,
  meetingId: string,
  notice = '',
) {
  const stored = await deps.store.get<Meeting>(MEETINGS, meetingId);
  if (!stored) return text(ctx.t.t('error.MEETING.UNKNOWN', { meeting: meetingId }));
  const held = await heldMeeting(deps, stored.value);
  if (!held.ok) return text(errorText(ctx.t, held.error));
  const record = await minutesOf(deps, ctx.org, held.value);
  if (!record.ok) return text(errorText(ctx.t, record.error));
  return showMinutesForm(deps.store, ctx.org, ctx.t, held.value, record.value.value, notice);
}

export function minutesActions(deps: MinutesViewDeps & { scheduler: JobScheduler }): CardAction[] {
  return [
    {
      verb: 'minutes.save',
      audience: ['coordinator'],
      refuse: notAllowed,
      async run(ctx) {
        const meetingId = meetingIdOf(ctx);
        const saved = await saveMinutes(deps, ctx.org, {
          meetingId,
          revision: Number(ctx.data.revision),
          data: ctx.data,
          by: ctx.actor.member.id,
          actionId: ctx.actionId,
        });
        if (!saved.ok) {
          // The form again with the refusal on it and everything as typed (a stale card too:
          // its newer revision is what the next save checks against).
          const current = await loadMinutes(deps.store, meetingId);
          const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
          if (!current || !meeting) return { respond: text(message(ctx, saved.error)) };
          return {
            respond: await showMinutesForm(
              deps.store,
              ctx.org,
              ctx.t,
              meeting,
              current.value,
              message(ctx, saved.error),
              ctx.data,
            ),
          };
        }
        const previous = saved.value.approvedPrevious;
        // A new version of approved minutes, and minutes approved by this meeting's first item, go to the library.
        await archiveApprovedMinutes(deps, meetingId);
        if (previous?.ok) await archiveApprovedMinutes(deps, previous.value.id);
        // A vedtak under an action plan's case adopts the plan: its measures become follow-up tasks.
        const plans = await adoptPlansDecidedAt(deps, ctx.org, meetingId, ctx.actor.member.id);
        const notice = [
          ctx.t.t('minutes.saved', { version: saved.value.record.value.minutes.version }),
          ...(previous
            ? [
                previous.ok
                  ? ctx.t.t('minutes.previous-approved', { title: previous.value.title })
                  : message(ctx, previous.error),
              ]
            : []),
          ...plans.map((p) => adoptedNotice(ctx.t, p)),
        ].join(' ');
        return {
          respond: await showMinutesForm(
            deps.store,
            ctx.org,
            ctx.t,
            saved.value.meeting,
            saved.value.record.value,
            previous && !previous.ok ? warning(notice) : success(notice),
          ),
        };
      },
    },
    {
      verb: 'minutes.edit',
      audience: ['coordinator'],
      refuse: notAllowed,
      async run(ctx) {
        return { respond: await formFor(deps, ctx, meetingIdOf(ctx)) };
      },
    },
    {
      verb: 'minutes.show',
      audience: ['anyone-registered'],
      run: async (ctx) => ({ respond: await showMinutes(deps, ctx.org, ctx.t, meetingIdOf(ctx), viewerOf(ctx)) }),
    },
    {
      verb: 'minutes.request-approval',
      audience: ['coordinator'],
      refuse: notAllowed,
      async run(ctx) {
        const meetingId = meetingIdOf(ctx);
        const asked = await requestApproval(deps, ctx.org, ctx.t, meetingId);
        const notice = !asked.ok
          ? message(ctx, asked.error)
          : ctx.t.t('minutes.approval-requested', {
              count: asked.value.sent.length,
              names: asked.value.sent.join(', '),
              unreachable: asked.value.unreachable.length,
              unreachableNames: asked.value.unreachable.join(', '),
            });
        return { respond: await showMinutes(deps, ctx.org, ctx.t, meetingId, viewerOf(ctx), notice) };
      },
    },
    {
      verb: 'minutes.approve',
      // The approvers are named on the minutes; approveMinutesAsMember checks she is one.
      audience: ['anyone-registered'],
      async run(ctx) {
        const meetingId = meetingIdOf(ctx);
        const given = await approveMinutesAsMember(deps, {
          meetingId,
          revision: Number(ctx.data.revision),
          memberId: ctx.actor.member.id,
        });
        if (given.ok && given.value.approved) await archiveApprovedMinutes(deps, meetingId);
        const notice = !given.ok
          ? message(ctx, given.error)
          : ctx.t.t(given.value.approved ? 'minutes.approved' : 'minutes.approval-recorded');
        return { respond: await showMinutes(deps, ctx.org, ctx.t, meetingId, viewerOf(ctx), notice) };
      },
    },
  ];
}
