import type { Meeting } from '../../domain/meeting';
import { missingDecision } from '../../domain/minutes-approval';
import { attendeesOf } from '../../domain/minutes-signing';
import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Translator } from '../../i18n/catalogue';
import { bodyMeetings, MEETINGS } from '../meetings/meeting-records';
import { personalChats } from '../personal-chats';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler } from '../scheduling/scheduler';
import { minutesCard } from './minutes-card';
import { loadMinutes } from './minutes-records';
import type { MinutesViewDeps } from './minutes-view';
import { minutesLinks } from './minutes-view';

/**
 * Sends the minutes, with the approve button, to everyone who took part and has a personal
 * chat with the bot, through the outbox. The job id names the revision and the person: a
 * second press sends nothing new, a press after a change sends the changed minutes.
 */
export async function requestApproval(
  deps: MinutesViewDeps & { scheduler: JobScheduler },
  org: Organisation,
  t: Translator,
  meetingId: string,
): Promise<Result<{ sent: string[]; unreachable: string[] }>> {
  const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
  const record = meeting && (await loadMinutes(deps.store, meetingId));
  if (!meeting || !record) return fail('MINUTES.UNKNOWN', { meeting: meetingId });
  const { minutes } = record.value;
  if (minutes.status === 'approved') return fail('MINUTES.ALREADY_APPROVED');
  if (missingDecision(meeting, minutes)) return fail('MINUTES.DECISION_MISSING');
  const now = deps.clock.now();
  const meetings = (await bodyMeetings(deps.store, meeting.bodyId)).map((r) => r.value);
  const links = minutesLinks(deps.links, meetingId, t, now);
  const sent: string[] = [];
  const unreachable: string[] = [];
  const jobs = [];
  const chats = await personalChats(deps.store);
  for (const memberId of attendeesOf(minutes)) {
    const member = memberById(org, memberId);
    const name = member?.name ?? memberId;
    const chat = member && (await chats.of(member));
    if (!chat) {
      unreachable.push(name);
      continue;
    }
    sent.push(name);
    const message = minutesCard(
      org,
      t,
      { meeting, record: record.value, meetings },
      { memberId, coordinator: false },
      links,
    );
    jobs.push(
      messageJob(
        `minutes-approval:${meetingId}:${record.value.revision}:${memberId}`,
        { conversationId: chat, message },
        now,
      ),
    );
  }
  await deps.scheduler.scheduleMany(jobs);
  return ok({ sent, unreachable });
}
