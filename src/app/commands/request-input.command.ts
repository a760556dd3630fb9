import type { InputRequest } from '../../domain/input-request';
import { planInputRequest } from '../../domain/input-request';
import { formatDateTime, osloInstant } from '../../i18n/dates';
import { upsert } from '../../ports/record-store';
import { audit } from '../audit';
import { INPUT_REQUESTS } from '../input/input-records';
import { scheduleInputJobs } from '../input/input-jobs';
import { loadPreMeeting } from '../meetings/announcement-records';
import { meetingFromArgs } from '../meetings/meeting-args';
import { text } from '../reply';
import type { Command } from './command';

/**
 * `be om innspill M4TQ2 [frist 2026-12-08 12:00]`: every member municipality is asked now for
 * its position on each case. Without a deadline, one day before the formøte (or the meeting).
 */
export const requestInputCommand: Command = {
  id: 'request-input',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, org, t, args }, { store, clock, scheduler }) {
    const now = clock.now();
    const found = await meetingFromArgs(store, t, args, now);
    if ('reply' in found) return [found.reply];
    const { meeting } = found;
    const when = /(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})/.exec(found.rest);
    const deadline = when ? osloInstant(when[1]!, when[2]!) : undefined;
    if (when && !deadline) return [text(t.t('error.INPUT.BAD_DEADLINE'))];
    const pre = await loadPreMeeting(store, meeting.id);
    const planned = planInputRequest(meeting.value, pre, org.municipalities.map((m) => m.number), { sendNow: true, ...(deadline ? { deadline: deadline.toISOString() } : {}) }, now);
    if (!planned.ok) return [text(t.t(`error.${planned.error.code}`, planned.error.params as Record<string, string>))];
    await upsert<InputRequest>(store, INPUT_REQUESTS, meeting.id, () => planned.value);
    // Cards now, reminders and the summary later; jobs of an earlier plan find other times and stand down.
    await scheduleInputJobs(scheduler, planned.value);
    await audit(store, { kind: 'input.requested', memberId: actor.member.id, at: now.toISOString(), details: { meetingId: meeting.id } });
    return [
      text(
        t.t('input.requested', {
          title: meeting.value.title,
          count: planned.value.municipalities.length,
          deadline: formatDateTime(new Date(planned.value.deadline), t.locale),
          id: meeting.id,
        }),
      ),
    ];
  },
};
