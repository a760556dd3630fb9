import type { Absence } from '../../domain/absence';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { coordinators, memberById } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler } from '../scheduling/scheduler';
import { loadPreMeeting } from './announcement-records';
import { meetingCard } from './meeting-view';

/**
 * After `meld forfall`: the secretariat is told, and each deputy called in gets the notice
 * in their chat. Keyed by meeting, member and recipient, so reporting again sends nothing new.
 */
export async function tellAboutAbsence(
  deps: { store: RecordStore; scheduler: JobScheduler },
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  absence: Absence,
  now: Date,
): Promise<void> {
  const chats = await personalChats(deps.store);
  const absent = memberById(org, absence.memberId)?.name ?? absence.memberId;
  const deputies = absence.deputiesCalled.map((id) => memberById(org, id)).filter((m) => m !== undefined);
  const jobs = [];
  for (const coordinator of coordinators(org)) {
    const chat = await chats.of(coordinator);
    const message = text(
      t.t('absence.to-coordinator', {
        name: absent,
        title: meeting.title,
        id: meeting.id,
        reason: absence.reason || '-',
        deputies: deputies.map((d) => d.name).join(', ') || '-',
      }),
    );
    if (chat)
      jobs.push(
        messageJob(
          `absence:${meeting.id}:${absence.memberId}:coordinator:${coordinator.id}`,
          { conversationId: chat, message },
          now,
        ),
      );
  }
  const pre = await loadPreMeeting(deps.store, meeting.id);
  for (const deputy of deputies) {
    const chat = await chats.of(deputy);
    const notice = t.t('absence.deputy-called', { name: deputy.name, absent });
    const toPre = pre?.attendees.includes(deputy.id) ? { preMeeting: pre } : {};
    if (chat)
      jobs.push(
        messageJob(
          `absence:${meeting.id}:${absence.memberId}:deputy:${deputy.id}`,
          { conversationId: chat, message: meetingCard(org, t, meeting, notice, toPre) },
          now,
        ),
      );
  }
  await deps.scheduler.scheduleMany(jobs);
}
