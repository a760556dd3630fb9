import { osloDate as osloDay } from '../../domain/oslo-time';
import { membersOn } from '../cooperation/withdrawal-records';
import type { InputRequest } from '../../domain/input-request';
import { errorText } from '../error-text';
import { planInputRequest } from '../../domain/input-request';
import { formatDateTime } from '../../i18n/dates';
import { upsert } from '../../ports/record-store';
import { audit } from '../audit';
import { INPUT_REQUESTS } from '../input/input-records';
import { scheduleInputJobs } from '../input/input-jobs';
import { requestInputArgs, requestOptions } from '../input/request-args';
import { loadPreMeeting } from '../meetings/announcement-records';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { meetingArg } from './meeting-pick';

/**
 * `be om innspill M4TQ2 [frist 2026-12-08 9:00] [utsendelse 10] [påminn 5,2]`: every member
 * municipality is asked for its position on each case, now unless a lead time is given.
 * Without a deadline, one day before the formøte (or the meeting).
 */
export const requestInputCommand = declareCommand({
  id: 'request-input',
  audience: ['coordinator'],
  inMenu: false,
  args: requestInputArgs,
  async run(ctx, { store, clock, scheduler }) {
    const { actor, org, t, input } = ctx;
    const now = clock.now();
    const found = await meetingArg(ctx, 'request-input', input.meeting, store, now);
    if ('reply' in found) return [found.reply];
    const meeting = found.record;
    const pre = await loadPreMeeting(store, meeting.id);
    const planned = planInputRequest(
      meeting.value,
      pre,
      await membersOn(store, org, osloDay(meeting.value.start)),
      requestOptions(input, now),
      now,
    );
    if (!planned.ok) return [text(errorText(t, planned.error))];
    await upsert<InputRequest>(store, INPUT_REQUESTS, meeting.id, () => planned.value);
    // Cards now, reminders and the summary later; jobs of an earlier plan find other times and stand down.
    await scheduleInputJobs(scheduler, planned.value);
    await audit(store, {
      kind: 'input.requested',
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { meetingId: meeting.id },
    });
    const deadline = formatDateTime(new Date(planned.value.deadline), t.locale);
    const count = planned.value.municipalities.length;
    const later = Date.parse(planned.value.sendAt) > now.getTime();
    return [
      text(
        later
          ? t.t('input.requested-later', {
              title: meeting.value.title,
              count,
              deadline,
              send: formatDateTime(new Date(planned.value.sendAt), t.locale),
            })
          : t.t('input.requested', { title: meeting.value.title, count, deadline, id: meeting.id }),
      ),
    ];
  },
});
