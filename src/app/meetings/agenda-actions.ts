import { addItem, editItem } from '../../domain/agenda';
import type { Meeting } from '../../domain/meeting';
import type { DomainError, Result } from '../../domain/result';
import { domainError } from '../../domain/result';
import type { CardAction, CardActionContext, CardActionOutcome } from '../card-action';
import { text } from '../reply';
import { shortId } from '../short-id';
import { readAgendaItemForm, agendaItemForm } from './agenda-item-form';
import { scheduleNotice } from './send-meeting-notice';
import type { MeetingDeps } from './meeting-deps';
import { bodyMeetings, MEETINGS } from './meeting-records';
import { replaceMeeting } from './replace-meeting';
import { errorText } from '../error-text';
import { meetingCardNow } from './meeting-card-now';

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
  const meetingId = typeof ctx.data.meetingId === 'string' ? ctx.data.meetingId : '';
  const itemId = typeof ctx.data.itemId === 'string' && ctx.data.itemId ? ctx.data.itemId : undefined;
  const stored = await deps.store.get<Meeting>(MEETINGS, meetingId);
  if (!stored) return { respond: text(ctx.t.t('error.MEETING.UNKNOWN', { meeting: meetingId })) };
  const item = itemId ? stored.value.agenda.find((i) => i.id === itemId) : undefined;
  const again = (error: DomainError) => ({
    respond: agendaItemForm(ctx.t, ctx.org, stored.value, errorText(ctx.t, error), '', item, ctx.data),
    refused: error,
  });
  const others = (await bodyMeetings(deps.store, stored.value.bodyId)).map((r) => r.value);
  const changed = change(stored.value, others);
  if (!changed.ok) return again(changed.error);
  if (!(await replaceMeeting(deps.store, stored, changed.value))) return again(domainError('MEETING.CHANGED'));
  await scheduleNotice(deps.scheduler, changed.value, 'agenda', deps.clock.now());
  return { respond: await meetingCardNow(deps.store, ctx.org, ctx.t, changed.value) };
}

/** A card field as text: what a press sent may be anything, and an id is text or nothing. */
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

const notAllowed = async (ctx: CardActionContext): Promise<CardActionOutcome> => ({
  respond: text(ctx.t.t('error.MEETING.NOT_ALLOWED')),
});

export function agendaActions(deps: MeetingDeps): CardAction[] {
  return [
    {
      verb: 'agenda.add',
      audience: ['coordinator'],
      refuse: notAllowed,
      run: (ctx) =>
        changeAgenda(deps, ctx, (m, others) =>
          addItem(m, others, { id: `${m.id}:${shortId()}`, draft: readAgendaItemForm(ctx.data) }),
        ),
    },
    {
      verb: 'agenda.edit',
      audience: ['coordinator'],
      refuse: notAllowed,
      run: (ctx) => changeAgenda(deps, ctx, (m) => editItem(m, textOf(ctx.data.itemId), readAgendaItemForm(ctx.data))),
    },
  ];
}
