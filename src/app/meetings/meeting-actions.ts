import type { AgendaItemDraft } from '../../domain/agenda-item';
import { addItem } from '../../domain/agenda';
import { planMeeting } from '../../domain/meeting';
import type { Meeting } from '../../domain/meeting';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import type { CardAction, CardActionContext } from '../card-action';
import { text } from '../reply';
import { shortId } from '../short-id';
import type { JobScheduler } from '../scheduling/scheduler';
import { scheduleAnnouncement } from './announce-meeting';
import { meetingPlanned } from './follow-meeting';
import { agendaItemForm } from './agenda-item-form';
import { formValues, meetingForm, readMeetingForm } from './meeting-form';
import { bodyMeetings, MEETINGS } from './meeting-records';
import { meetingCard } from './meeting-view';

export interface MeetingDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
}

const error = (ctx: CardActionContext, e: { code: string; params?: Readonly<Record<string, string | number>> }) =>
  ctx.t.t(`error.${e.code}`, e.params as Record<string, string | number>);

export function meetingActions(deps: MeetingDeps): CardAction[] {
  return [
    {
      verb: 'meeting.create',
      async run(ctx) {
        if (!ctx.actor.roles.has('coordinator')) return { respond: text(ctx.t.t('error.MEETING.NOT_ALLOWED')) };
        const refuse = (message: string) => ({ respond: meetingForm(ctx.org, ctx.t, formValues(ctx.data), message) });
        const details = readMeetingForm(ctx.data);
        if (!details.ok) return refuse(error(ctx, details.error));
        const others = (await bodyMeetings(deps.store, details.value.bodyId)).map((r) => r.value);
        const context = { now: deps.clock.now(), bodyIds: new Set(ctx.org.bodies.map((b) => b.id)), meetings: others };
        for (let attempt = 0; attempt < 5; attempt++) {
          const planned = planMeeting(shortId(), details.value, context);
          if (!planned.ok) return refuse(error(ctx, planned.error));
          try {
            await deps.store.create<Meeting>(MEETINGS, planned.value.meeting.id, planned.value.meeting);
          } catch (e) {
            if (isStoreError(e, 'STORE.ALREADY_EXISTS')) continue;
            throw e;
          }
          await audit(deps.store, { kind: 'meeting.planned', memberId: ctx.actor.member.id, at: context.now.toISOString(), details: { meetingId: planned.value.meeting.id } });
          // Formøte, input request and announcement; all keyed by the meeting, so a retry adds nothing.
          await meetingPlanned(deps, ctx.org, planned.value.meeting);
          const warnings = planned.value.warnings.map((w) => error(ctx, w)).join(' ');
          // The form becomes the meeting, so it cannot create a second one.
          return { respond: meetingCard(ctx.org, ctx.t, planned.value.meeting, warnings) };
        }
        throw new Error('Could not find a free meeting id');
      },
    },
    {
      verb: 'agenda.add',
      async run(ctx) {
        if (!ctx.actor.roles.has('coordinator')) return { respond: text(ctx.t.t('error.MEETING.NOT_ALLOWED')) };
        const meetingId = typeof ctx.data.meetingId === 'string' ? ctx.data.meetingId : '';
        const stored = await deps.store.get<Meeting>(MEETINGS, meetingId);
        if (!stored) return { respond: text(ctx.t.t('error.MEETING.UNKNOWN', { meeting: meetingId })) };
        const field = (k: string) => (typeof ctx.data[k] === 'string' ? (ctx.data[k] as string).trim() : '');
        const draft: AgendaItemDraft = {
          title: field('title'),
          ...(field('background') && { background: field('background') }),
          proposal: field('inMeeting') === 'true' || !field('proposal') ? { kind: 'in-meeting' } : { kind: 'text', text: field('proposal') },
        };
        const others = (await bodyMeetings(deps.store, stored.value.bodyId)).map((r) => r.value);
        const added = addItem(stored.value, others, { id: `${meetingId}:${shortId()}`, draft });
        if (!added.ok) return { respond: agendaItemForm(ctx.t, stored.value, error(ctx, added.error), field('title')) };
        try {
          await deps.store.replace<Meeting>(MEETINGS, meetingId, added.value, stored.etag);
        } catch (e) {
          // Someone changed the agenda meanwhile: show the form again rather than overwrite.
          if (isStoreError(e, 'STORE.PRECONDITION_FAILED')) return { respond: agendaItemForm(ctx.t, stored.value, ctx.t.t('error.MEETING.CHANGED'), field('title')) };
          throw e;
        }
        await scheduleAnnouncement(deps.scheduler, added.value, 'agenda', deps.clock.now());
        return { respond: meetingCard(ctx.org, ctx.t, added.value) };
      },
    },
  ];
}
