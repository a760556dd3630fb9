import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { coordinators } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { CalendarPerson, ScheduledEvent } from '../../ports/calendar';
import type { RecordStore } from '../../ports/record-store';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler } from '../scheduling/scheduler';

/**
 * A Teams meeting was asked for, and the calendar made the event without a join link (the
 * organiser mailbox cannot host Teams meetings): the coordinators are told in their chat, once
 * per meeting, instead of people arriving at a meeting with nowhere to join.
 */
export async function tellAboutMissingJoinLink(
  deps: { readonly store: RecordStore; readonly scheduler: JobScheduler; readonly t: Translator },
  org: Organisation,
  meeting: Meeting,
  organiser: CalendarPerson,
  events: readonly (ScheduledEvent | undefined)[],
  now: Date,
): Promise<void> {
  if (meeting.state === 'cancelled' || !events.some((e) => e?.joinLinkMissing && e.status !== 'cancelled')) return;
  const chats = await personalChats(deps.store);
  const message = text(
    deps.t.t('meeting.no-join-link', { title: meeting.title, id: meeting.id, organiser: organiser.email }),
  );
  const jobs = [];
  for (const coordinator of coordinators(org)) {
    const chat = await chats.of(coordinator);
    if (chat)
      jobs.push(messageJob(`no-join-link:${meeting.id}:${coordinator.id}`, { conversationId: chat, message }, now));
  }
  await deps.scheduler.scheduleMany(jobs);
}
