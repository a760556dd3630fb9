import { bodyName } from '../../domain/organisation';
import type { Meeting } from '../../domain/meeting';
import { OSLO_TIME_ZONE, osloDate } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import { coordinators, memberById, seatsOf } from '../../domain/organisation';
import type { PreMeeting } from '../../domain/pre-meeting';
import type { Translator } from '../../i18n/catalogue';
import type { CalendarAttendee, CalendarEvent, CalendarPerson } from '../../ports/calendar';

/*
 * A meeting and its formøte as calendar events. The body text holds what does not change
 * with the agenda (the agenda lives on the notice card), so adding a case does not send
 * every member a calendar update.
 */

export const meetingEventKey = (meetingId: string): string => `meeting:${meetingId}`;
export const preMeetingEventKey = (meetingId: string): string => `pre-meeting:${meetingId}`;

/** The secretariat's mailbox when configured (Graph), else the first coordinator. */
export function organiserOf(org: Organisation, configured?: CalendarPerson): CalendarPerson {
  if (configured) return configured;
  const first = coordinators(org)[0];
  return first
    ? { name: first.name, email: first.email }
    : { name: org.cooperation.name, email: 'sekretariat@samrad.invalid' };
}

/** Members and chairs are called; observers are told. Deputies come in through `meld forfall`. */
export function meetingAttendees(org: Organisation, meeting: Meeting): CalendarAttendee[] {
  const seen = new Set<string>();
  const out: CalendarAttendee[] = [];
  for (const seat of seatsOf(org, meeting.bodyId, osloDate(meeting.start))) {
    if (seat.role === 'deputy' || seen.has(seat.member.id)) continue;
    seen.add(seat.member.id);
    out.push({
      name: seat.member.name,
      email: seat.member.email,
      attendance: seat.role === 'observer' ? 'optional' : 'required',
    });
  }
  return out;
}

export function meetingEvent(
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  organiser: CalendarPerson,
): CalendarEvent {
  const body = bodyName(org, meeting.bodyId);
  return {
    idempotencyKey: meetingEventKey(meeting.id),
    title: t.t('calendar.meeting-title', { body, title: meeting.title }),
    start: meeting.start,
    end: meeting.end,
    timeZone: OSLO_TIME_ZONE,
    organiser,
    attendees: meetingAttendees(org, meeting),
    ...(meeting.place ? { location: meeting.place } : {}),
    onlineMeeting: meeting.online === true,
    ...(meeting.joinUrl ? { joinUrl: meeting.joinUrl } : {}),
    body: t.t('calendar.meeting-body', { body, number: meeting.number, year: meeting.year, id: meeting.id }),
  };
}

export function preMeetingEvent(
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  pre: PreMeeting,
  organiser: CalendarPerson,
): CalendarEvent {
  const body = bodyName(org, meeting.bodyId);
  const attendees = pre.attendees
    .map((id) => memberById(org, id))
    .filter((m) => m !== undefined)
    .map((m): CalendarAttendee => ({ name: m.name, email: m.email, attendance: 'required' }));
  return {
    idempotencyKey: preMeetingEventKey(meeting.id),
    title: t.t('calendar.pre-meeting-title', { body, title: meeting.title }),
    start: pre.start,
    end: pre.end,
    timeZone: OSLO_TIME_ZONE,
    organiser,
    attendees,
    // The municipal side meets on Teams unless the coordinator says otherwise.
    onlineMeeting: true,
    body: t.t('calendar.pre-meeting-body', { body, id: meeting.id }),
  };
}
