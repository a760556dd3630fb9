import { addItem, editItem } from '../../domain/agenda';
import type { Meeting } from '../../domain/meeting';
import type { Result } from '../../domain/result';
import { isStoreError } from '../../ports/record-store';
import type { CardAction, CardActionContext, CardActionOutcome } from '../card-action';
import { text } from '../reply';
import { shortId } from '../short-id';
import { readAgendaItemForm, agendaItemForm } from './agenda-item-form';
import { scheduleAnnouncement } from './announce-meeting';
import type { MeetingDeps } from './meeting-actions';
import { bodyMeetings, MEETINGS } from './meeting-records';
import { meetingCard } from './meeting-view';

const error = (ctx: CardActionContext, e: { code: string; params?: Readonly<Record<string, string | number>> }) =>
  ctx.t.t(`error.${e.code}`, e.params as Record<string, string | number>);

/**
 * Adding and editing a case from the agenda form. The change is written under the meeting's
 * eTag, so two coordinators editing at once never overwrite each other: the later one gets
 * the form back with a message. The notice in the channel follows.
 */
async function changeAgenda(
  deps: MeetingDeps,
  ctx: CardActionContext,
  change: (meeting: Meeting, others: readonly Meeting[]) => Result<Meeting>,
): Promise<CardActionOutcome> {
  if (!ctx.actor.roles.has('coordinator')) return { respond: text(ctx.t.t('error.MEETING.NOT_ALLOWED')) };
  const meetingId = typeof ctx.data.meetingId === 'string' ? ctx.data.meetingId : '';
  const itemId = typeof ctx.data.itemId === 'string' && ctx.data.itemId ? ctx.data.itemId : undefined;
  const stored = await deps.store.get<Meeting>(MEETINGS, meetingId);
  if (!stored) return { respond: text(ctx.t.t('error.MEETING.UNKNOWN', { meeting: meetingId })) };
  const item = itemId ? stored.value.agenda.find((i) => i.id === itemId) : undefined;
  const again = (message: string) => ({ respond: agendaItemForm(ctx.t, ctx.org, stored.value, message, '', item, ctx.data) });
  const others = (await bodyMeetings(deps.store, stored.value.bodyId)).map((r) => r.value);
  const changed = change(stored.value, others);
  if (!changed.ok) return again(error(ctx, changed.error));
  try {
    await deps.store.replace<Meeting>(MEETINGS, meetingId, changed.value, stored.etag);
  } catch (e) {
    if (isStoreError(e, 'STORE.PRECONDITION_FAILED')) return again(ctx.t.t('error.MEETING.CHANGED'));
    throw e;
  }
  await scheduleAnnouncement(deps.scheduler, changed.value, 'agenda', deps.clock.now());
  return { respond: meetingCard(ctx.org, ctx.t, changed.value) };
}

export function agendaActions(deps: MeetingDeps): CardAction[] {
  return [
    {
      verb: 'agenda.add',
      run: (ctx) => changeAgenda(deps, ctx, (m, others) => addItem(m, others, { id: `${m.id}:${shortId()}`, draft: readAgendaItemForm(ctx.data) })),
    },
    {
      verb: 'agenda.edit',
      run: (ctx) => changeAgenda(deps, ctx, (m) => editItem(m, String(ctx.data.itemId ?? ''), readAgendaItemForm(ctx.data))),
    },
  ];
}
