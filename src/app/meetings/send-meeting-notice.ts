import { z } from 'zod';
import { createHash } from 'node:crypto';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import type { PreMeeting } from '../../domain/pre-meeting';
import type { Translator } from '../../i18n/catalogue';
import type { Calendar, CalendarEvent, CalendarPerson, ScheduledEvent } from '../../ports/calendar';
import type { Clock } from '../../ports/clock';
import type { Messenger } from '../../ports/messenger';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isStoreError, upsert } from '../../ports/record-store';
import { personalChats } from '../personal-chats';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import type { RenderAtSend, SentMessage } from '../scheduling/outbox';
import type { Reply } from '../reply';
import type { SharedCardRenderer } from '../delivery/shared-cards';
import { updateSharedCard } from '../delivery/shared-cards';
import { inputCardsFollowMeeting } from '../input/live-input-cards';
import type { JobScheduler } from '../scheduling/scheduler';
import type { MeetingEventRecord, MeetingNotice } from './announcement-records';
import { bodyChannel, loadPreMeeting, MEETING_EVENTS, MEETING_NOTICES } from './announcement-records';
import { meetingEvent, meetingEventKey, organiserOf, preMeetingEvent, preMeetingEventKey } from './meeting-events';
import { MEETINGS } from './meeting-records';
import { meetingCard } from './meeting-view';
import { tellAboutMissingJoinLink } from './no-join-link';

/*
 * Announcing a meeting, as one durable job per change: the calendar events for the meeting
 * and its formøte, an invitation card to each person called (when the calendar does not send
 * invitations itself), and the notice in the body's channel, updated in place. Every step is
 * idempotent, so a job retried after a crash repeats nothing anyone sees twice.
 */
export const SEND_MEETING_NOTICE = 'meeting.announce';

export const noticeReasons = ['planned', 'moved', 'cancelled', 'agenda'] as const;
export type NoticeReason = (typeof noticeReasons)[number];

export interface NoticePayload {
  readonly meetingId: string;
  readonly reason: NoticeReason;
}

export const noticePayload: z.ZodType<NoticePayload> = z.object({
  meetingId: z.string(),
  reason: z.enum(noticeReasons),
});

export interface NoticeDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
  readonly calendar: Calendar;
  readonly messenger: Messenger;
  readonly organisation: () => Organisation;
  readonly t: Translator;
  readonly organiser?: CalendarPerson;
}

export async function scheduleNotice(
  scheduler: JobScheduler,
  meeting: Meeting,
  reason: NoticeReason,
  now: Date,
): Promise<void> {
  await scheduler.schedule<NoticePayload>({
    id: `meeting-announce:${meeting.id}:${meeting.version}:${reason}`,
    kind: SEND_MEETING_NOTICE,
    dueAt: now,
    payload: { meetingId: meeting.id, reason },
  });
}

export function sendMeetingNotice(deps: NoticeDeps): JobHandler<NoticePayload> {
  return async ({ job }) => {
    // The meeting and its formøte read together (on SharePoint one `$batch`).
    const [stored, pre] = await Promise.all([
      deps.store.get<Meeting>(MEETINGS, job.payload.meetingId),
      loadPreMeeting(deps.store, job.payload.meetingId),
    ]);
    const meeting = stored?.value;
    if (!stored || !meeting || meeting.state === 'held') return;
    const org = deps.organisation();
    const organiser = organiserOf(org, deps.organiser);
    // The two events are independent, each idempotent by its own key: kept in step together.
    // Both settle before the job goes on or fails, so nothing of this attempt runs after it.
    const [main, preEvent] = await bothSettled(
      syncEvent(
        deps,
        meetingEventKey(meeting.id),
        meeting.state === 'cancelled'
          ? { cancel: meeting.cancelled?.reason }
          : meetingEvent(org, deps.t, meeting, organiser),
      ),
      pre &&
        syncEvent(
          deps,
          preMeetingEventKey(meeting.id),
          pre.state === 'cancelled'
            ? { cancel: meeting.cancelled?.reason }
            : preMeetingEvent(org, deps.t, meeting, pre, organiser),
        ),
    );
    await tellAboutMissingJoinLink(deps, org, meeting, organiser, [main, preEvent], deps.clock.now());
    if (main?.joinUrl && main.joinUrl !== meeting.joinUrl) await rememberJoinUrl(deps.store, stored, main.joinUrl);
    const shown = main?.joinUrl ? { ...meeting, joinUrl: main.joinUrl } : meeting;
    if (job.payload.reason !== 'agenda' && !deps.calendar.notifiesAttendees)
      await invite(deps, org, shown, pre, main, job.payload.reason);
    await refreshNotice(deps, org, shown, pre, main);
    // The input cards already out show the agenda and deadline as they are now.
    await inputCardsFollowMeeting(deps, shown);
  };
}

/** Like Promise.all, but waits for both: the first failure is thrown only when the other is done too. */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B> | undefined): Promise<[A, B | undefined]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

type Wanted = CalendarEvent | { readonly cancel: string | undefined };

/** Creates the event the first time, updates or cancels it after; the store remembers its id. */
async function syncEvent(deps: NoticeDeps, key: string, wanted: Wanted): Promise<ScheduledEvent | undefined> {
  const known = (await deps.store.get<MeetingEventRecord>(MEETING_EVENTS, key))?.value;
  if (!known) {
    if ('cancel' in wanted) return undefined;
    // Idempotent by key: a crash before the record below makes the same event again.
    const made = await deps.calendar.schedule(wanted);
    const record: MeetingEventRecord = {
      eventId: made.id,
      webLink: made.webLink,
      ...(made.joinUrl ? { joinUrl: made.joinUrl } : {}),
    };
    // Read as missing just now: created without reading again; one made meanwhile is overwritten as before.
    await deps.store.create(MEETING_EVENTS, key, record).catch(async (e: unknown) => {
      if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
      await upsert<MeetingEventRecord>(deps.store, MEETING_EVENTS, key, () => record);
    });
    return made;
  }
  if ('cancel' in wanted) return deps.calendar.cancel(known.eventId, wanted.cancel);
  const { idempotencyKey: _key, organiser: _organiser, timeZone: _zone, ...changes } = wanted;
  return deps.calendar.update(known.eventId, changes);
}

/**
 * Written under the eTag the job read the meeting with (no read again); changed or gone meanwhile,
 * it is read again and written only if it is still there without this link (upsert).
 */
async function rememberJoinUrl(store: RecordStore, read: StoredRecord<Meeting>, joinUrl: string): Promise<void> {
  await store.replace<Meeting>(MEETINGS, read.id, { ...read.value, joinUrl }, read.etag).catch(async (e: unknown) => {
    if (!isStoreError(e, 'STORE.PRECONDITION_FAILED') && !isStoreError(e, 'STORE.NOT_FOUND')) throw e;
    await upsert<Meeting>(store, MEETINGS, read.id, (m) =>
      m && m.joinUrl !== joinUrl ? { ...m, joinUrl } : undefined,
    );
  });
}

/** The invitation changes only when the time, place or state does; the agenda is on the notice. */
function fingerprint(meeting: Meeting, pre: PreMeeting | undefined): string {
  const parts = [
    meeting.state,
    meeting.start,
    meeting.end,
    meeting.place ?? '',
    meeting.joinUrl ?? '',
    pre?.state ?? '',
    pre?.start ?? '',
  ];
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 12);
}

async function invite(
  deps: NoticeDeps,
  org: Organisation,
  meeting: Meeting,
  pre: PreMeeting | undefined,
  main: ScheduledEvent | undefined,
  reason: NoticeReason,
): Promise<void> {
  const chats = await personalChats(deps.store);
  const called = new Set([...(main?.event.attendees ?? []).map((a) => a.email.toLowerCase())]);
  const people = org.members.filter((m) => called.has(m.email.toLowerCase()) || pre?.attendees.includes(m.id));
  const now = deps.clock.now();
  const print = fingerprint(meeting, pre);
  const jobs = [];
  for (const person of people) {
    const chat = await chats.of(person);
    if (!chat) continue;
    const toPre = pre?.attendees.includes(person.id) ? pre : undefined;
    const notice = deps.t.t(`meeting.invitation.${reason}`, { name: person.name });
    const message = meetingCard(org, deps.t, meeting, notice, {
      ...(toPre ? { preMeeting: toPre } : {}),
      ...(main ? { calendarLink: main.webLink } : {}),
    });
    jobs.push(messageJob(`invite:${meeting.id}:${print}:${person.id}`, { conversationId: chat, message }, now));
  }
  await deps.scheduler.scheduleMany(jobs);
}

async function refreshNotice(
  deps: NoticeDeps,
  org: Organisation,
  meeting: Meeting,
  pre: PreMeeting | undefined,
  main: ScheduledEvent | undefined,
): Promise<void> {
  const channel = await bodyChannel(deps.store, meeting.bodyId);
  if (!channel) return;
  const posted = (await deps.store.get<MeetingNotice>(MEETING_NOTICES, meeting.id))?.value;
  if (posted) {
    const notice = meetingCard(org, deps.t, meeting, '', {
      ...(pre ? { preMeeting: pre } : {}),
      ...(main ? { calendarLink: main.webLink } : {}),
    });
    await deps.messenger.update(posted.conversationId, posted.activityId, notice);
    return;
  }
  // Rendered when it is sent: cases added while it waits are on it, and it goes out once.
  const message: RenderAtSend = { render: MEETING_NOTICE, id: meeting.id };
  await deps.scheduler.schedule(
    messageJob(noticeJobId(meeting.id), { conversationId: channel.conversationId, message }, deps.clock.now()),
  );
  // A change made while the notice is being sent (rendered, not yet remembered) lands with this trailing update.
  await updateSharedCard(deps, { card: MEETING_NOTICE, id: meeting.id });
}

/** The renderer of a meeting's notice in the outbox and in card updates. */
export const MEETING_NOTICE = 'meeting-notice';

/** The notice as it is now, from what the announcement stored: the formøte and the calendar file. */
export async function meetingNoticeNow(
  deps: Pick<NoticeDeps, 'store' | 'organisation' | 't'>,
  meetingId: string,
): Promise<Reply | undefined> {
  const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
  if (!meeting) return undefined;
  const pre = await loadPreMeeting(deps.store, meetingId);
  const event = (await deps.store.get<MeetingEventRecord>(MEETING_EVENTS, meetingEventKey(meetingId)))?.value;
  return meetingCard(deps.organisation(), deps.t, meeting, '', {
    ...(pre ? { preMeeting: pre } : {}),
    ...(event ? { calendarLink: event.webLink } : {}),
  });
}

/** The posted notice as it is now, for the shared-card job (nothing while it is not posted yet). */
export function postedNoticeNow(deps: Pick<NoticeDeps, 'store' | 'organisation' | 't'>): SharedCardRenderer {
  return async ({ id }) => {
    const posted = (await deps.store.get<MeetingNotice>(MEETING_NOTICES, id))?.value;
    const reply = posted && (await meetingNoticeNow(deps, id));
    return posted && reply
      ? { conversationId: posted.conversationId, activityId: posted.activityId, reply }
      : undefined;
  };
}

const noticeJobId = (meetingId: string): string => `notice:${meetingId}`;

/** The outbox's after-sent hook: remembers where the notice is, so later changes update it. */
export function rememberNotice(store: RecordStore): (sent: SentMessage) => Promise<void> {
  return async (sent) => {
    if (!sent.jobId.startsWith('notice:')) return;
    const meetingId = sent.jobId.slice('notice:'.length);
    await upsert<MeetingNotice>(
      store,
      MEETING_NOTICES,
      meetingId,
      (n) => n ?? { meetingId, conversationId: sent.conversationId, activityId: sent.activityId },
    );
  };
}
