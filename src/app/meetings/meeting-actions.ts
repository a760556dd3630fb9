import type { MeetingDeps } from './meeting-deps';
import { planMeeting } from '../../domain/meeting';
import type { Meeting } from '../../domain/meeting';
import type { DomainError } from '../../domain/result';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import { errorText } from '../error-text';
import type { CardAction } from '../card-action';
import { text } from '../reply';
import { shortId } from '../short-id';
import { meetingPlanned } from './follow-meeting';
import { agendaActions } from './agenda-actions';
import { cancelConfirmed, cancelView } from './cancel-meeting';
import { formValues, meetingForm, readMeetingForm } from './meeting-form';
import { bodyMeetings, MEETINGS } from './meeting-records';
import { meetingCardNow } from './meeting-card-now';

export function meetingActions(deps: MeetingDeps): CardAction[] {
  return [
    {
      verb: 'meeting.create',
      audience: ['coordinator'],
      refuse: async (ctx) => ({ respond: text(ctx.t.t('error.MEETING.NOT_ALLOWED')) }),
      async run(ctx) {
        const refuse = (error: DomainError) => ({
          respond: meetingForm(ctx.org, ctx.t, formValues(ctx.data), errorText(ctx.t, error)),
          refused: error,
        });
        const details = readMeetingForm(ctx.data);
        if (!details.ok) return refuse(details.error);
        const others = (await bodyMeetings(deps.store, details.value.bodyId)).map((r) => r.value);
        const context = { now: deps.clock.now(), bodyIds: new Set(ctx.org.bodies.map((b) => b.id)), meetings: others };
        for (let attempt = 0; attempt < 5; attempt++) {
          const planned = planMeeting(shortId(), details.value, context);
          if (!planned.ok) return refuse(planned.error);
          try {
            await deps.store.create<Meeting>(MEETINGS, planned.value.meeting.id, planned.value.meeting);
          } catch (e) {
            if (isStoreError(e, 'STORE.ALREADY_EXISTS')) continue;
            throw e;
          }
          await audit(deps.store, {
            kind: 'meeting.planned',
            memberId: ctx.actor.member.id,
            at: context.now.toISOString(),
            details: { meetingId: planned.value.meeting.id },
          });
          // Formøte, input request and announcement; all keyed by the meeting, so a retry adds nothing.
          await meetingPlanned(deps, ctx.org, planned.value.meeting);
          const warnings = planned.value.warnings.map((w) => errorText(ctx.t, w)).join(' ');
          // The form becomes the meeting, so it cannot create a second one.
          return { respond: await meetingCardNow(deps.store, ctx.org, ctx.t, planned.value.meeting, warnings) };
        }
        throw new Error('Could not find a free meeting id');
      },
    },
    {
      // The confirmation's button (`avlys møte` asks first): the card becomes the cancelled meeting.
      verb: 'meeting.cancel',
      audience: ['coordinator'],
      refuse: async (ctx) => ({ respond: text(ctx.t.t('error.MEETING.NOT_ALLOWED')) }),
      async run(ctx) {
        const { org, t, actor, data } = ctx;
        return { respond: await cancelConfirmed(deps, org, t, actor.member.id, idOf(data), reasonOf(data)) };
      },
    },
    {
      // The confirmation posted where others read it is neutral; Teams refreshes it into the coordinator's view.
      verb: 'meeting.cancel-view',
      audience: ['coordinator'],
      refuse: async (ctx) => ({
        respond: await cancelView(deps, ctx.org, ctx.t, idOf(ctx.data), reasonOf(ctx.data), false),
      }),
      async run(ctx) {
        return { respond: await cancelView(deps, ctx.org, ctx.t, idOf(ctx.data), reasonOf(ctx.data), true) };
      },
    },
    ...agendaActions(deps),
  ];
}

const idOf = (data: Readonly<Record<string, unknown>>): string =>
  typeof data.meetingId === 'string' ? data.meetingId : '';
const reasonOf = (data: Readonly<Record<string, unknown>>): string =>
  typeof data.reason === 'string' ? data.reason : '';
