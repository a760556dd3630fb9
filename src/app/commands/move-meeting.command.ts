import type { Meeting } from '../../domain/meeting';
import { moveMeeting } from '../../domain/meeting';
import { osloInstant } from '../../i18n/dates';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import { meetingMoved } from '../meetings/follow-meeting';
import { meetingFromArgs } from '../meetings/meeting-args';
import { bodyMeetings, MEETINGS } from '../meetings/meeting-records';
import { meetingCard } from '../meetings/meeting-view';
import { text } from '../reply';
import type { Command } from './command';

const when = /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}[:.]\d{2})(?:\s*[-–]\s*(\d{1,2}[:.]\d{2}))?$/;

/**
 * `flytt møte M4TQ2 2026-12-17 10:00[-12:00]`: the meeting keeps its number and cases; without
 * an end it keeps its length. The formøte, the input request, the calendar and the notice follow.
 */
export const moveMeetingCommand: Command = {
  id: 'move-meeting',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, org, t, args }, { store, clock, scheduler }) {
    const now = clock.now();
    const found = await meetingFromArgs(store, t, args, now);
    if ('reply' in found) return [found.reply];
    const { meeting } = found;
    const parts = when.exec(found.rest);
    const start = parts && osloInstant(parts[1]!, parts[2]!.replace('.', ':'));
    const end = parts?.[3] ? osloInstant(parts[1]!, parts[3].replace('.', ':')) : start && new Date(start.getTime() + Date.parse(meeting.value.end) - Date.parse(meeting.value.start));
    if (!start || !end) return [text(t.t('meeting.move-usage', { usage: t.t('command.move-meeting.usage') }))];
    const others = (await bodyMeetings(store, meeting.value.bodyId)).map((r) => r.value);
    const moved = moveMeeting(meeting.value, { start: start.toISOString(), end: end.toISOString() }, { now, bodyIds: new Set(org.bodies.map((b) => b.id)), meetings: others });
    if (!moved.ok) return [text(t.t(`error.${moved.error.code}`, moved.error.params as Record<string, string | number>))];
    try {
      await store.replace<Meeting>(MEETINGS, meeting.id, moved.value.meeting, meeting.etag);
    } catch (e) {
      if (isStoreError(e, 'STORE.PRECONDITION_FAILED')) return [text(t.t('error.MEETING.CHANGED'))];
      throw e;
    }
    await audit(store, { kind: 'meeting.moved', memberId: actor.member.id, at: now.toISOString(), details: { meetingId: meeting.id, from: meeting.value.start, to: moved.value.meeting.start } });
    await meetingMoved({ store, clock, scheduler }, org, moved.value.meeting);
    const warnings = moved.value.warnings.map((w) => t.t(`error.${w.code}`, w.params as Record<string, string | number>));
    return [meetingCard(org, t, moved.value.meeting, [t.t('meeting.moved'), ...warnings].join(' '))];
  },
};
