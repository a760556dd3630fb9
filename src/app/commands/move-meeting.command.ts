import { moveMeeting } from '../../domain/meeting';
import { osloInstant } from '../../i18n/dates';
import { audit } from '../audit';
import { meetingMoved } from '../meetings/follow-meeting';
import { meetingFromArgs } from '../meetings/meeting-args';
import { bodyMeetings } from '../meetings/meeting-records';
import { meetingCard } from '../meetings/meeting-view';
import { replaceMeeting } from '../meetings/replace-meeting';
import { errorText } from '../error-text';
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
    if (!moved.ok) return [text(errorText(t, moved.error))];
    if (!(await replaceMeeting(store, meeting, moved.value.meeting))) return [text(t.t('error.MEETING.CHANGED'))];
    await audit(store, { kind: 'meeting.moved', memberId: actor.member.id, at: now.toISOString(), details: { meetingId: meeting.id, from: meeting.value.start, to: moved.value.meeting.start } });
    const pre = await meetingMoved({ store, clock, scheduler }, org, moved.value.meeting);
    const warnings = moved.value.warnings.map((w) => errorText(t, w));
    return [meetingCard(org, t, moved.value.meeting, [t.t('meeting.moved'), ...warnings].join(' '), pre ? { preMeeting: pre } : {})];
  },
};
