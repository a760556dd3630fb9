import { z } from 'zod';
import { moveMeeting } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import { osloInstantAt } from '../../domain/oslo-when';
import { audit } from '../audit';
import { meetingMoved } from '../meetings/follow-meeting';
import { bodyMeetings } from '../meetings/meeting-records';
import { meetingCard } from '../meetings/meeting-view';
import { replaceMeeting } from '../meetings/replace-meeting';
import { errorText } from '../error-text';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { meetingArg } from './meeting-pick';

/**
 * `flytt møte M4TQ2 2026-12-17 9:00[-12:00]` (or "tirsdag kl. 10", "17.12 10.00–12.00"): the
 * meeting keeps its number and cases; without an end it keeps its length; without a date, its
 * day. The formøte, the input request, the calendar and the notice follow.
 */
export const moveMeetingCommand = declareCommand({
  id: 'move-meeting',
  audience: ['coordinator'],
  inMenu: false,
  args: z.object({ meeting: arg.meeting(), when: arg.time() }),
  async run(ctx, { store, clock, scheduler }) {
    const { actor, org, t, input } = ctx;
    const now = clock.now();
    const found = await meetingArg(ctx, 'move-meeting', input.meeting, store, now);
    if ('reply' in found) return [found.reply];
    const meeting = found.record;
    const date = input.when.date ?? osloDate(meeting.value.start);
    const start = osloInstantAt(date, input.when.time!);
    const length = Date.parse(meeting.value.end) - Date.parse(meeting.value.start);
    const end = input.when.endTime
      ? osloInstantAt(date, input.when.endTime)
      : new Date(Date.parse(start) + length).toISOString();
    const others = (await bodyMeetings(store, meeting.value.bodyId)).map((r) => r.value);
    const moved = moveMeeting(
      meeting.value,
      { start, end },
      { now, bodyIds: new Set(org.bodies.map((b) => b.id)), meetings: others },
    );
    if (!moved.ok) return [text(errorText(t, moved.error))];
    if (!(await replaceMeeting(store, meeting, moved.value.meeting))) return [text(t.t('error.MEETING.CHANGED'))];
    await audit(store, {
      kind: 'meeting.moved',
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { meetingId: meeting.id, from: meeting.value.start, to: moved.value.meeting.start },
    });
    const pre = await meetingMoved({ store, clock, scheduler }, org, moved.value.meeting);
    const warnings = moved.value.warnings.map((w) => errorText(t, w));
    return [
      meetingCard(
        org,
        t,
        moved.value.meeting,
        [t.t('meeting.moved'), ...warnings].join(' '),
        pre ? { preMeeting: pre } : {},
      ),
    ];
  },
});
