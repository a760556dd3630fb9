import { osloDate as osloDay } from '../../domain/meeting-time';
import { membersOn } from '../cooperation/withdrawal-records';
import type { InputRequest } from '../../domain/input-request';
import { planInputRequest } from '../../domain/input-request';
import { formatDateTime } from '../../i18n/dates';
import { upsert } from '../../ports/record-store';
import { audit } from '../audit';
import { INPUT_REQUESTS } from '../input/input-records';
import { scheduleInputJobs } from '../input/input-jobs';
import { readRequestArgs } from '../input/request-args';
import { loadPreMeeting } from '../meetings/announcement-records';
import { meetingFromArgs } from '../meetings/meeting-args';
import { text } from '../reply';
import type { Command } from './command';

/**
 * `be om innspill M4TQ2 [frist 2026-12-08 12:00] [utsendelse 10] [påminn 5,2]`: every member
 * municipality is asked for its position on each case, now unless a lead time is given.
 * Without a deadline, one day before the formøte (or the meeting).
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
    const options = readRequestArgs(t, found.rest);
    if (options === 'bad-deadline') return [text(t.t('error.INPUT.BAD_DEADLINE'))];
    if (options === 'bad-days') return [text(t.t('input.args.bad-days', { usage: t.t('command.request-input.usage') }))];
    const pre = await loadPreMeeting(store, meeting.id);
    const planned = planInputRequest(meeting.value, pre, await membersOn(store, org, osloDay(meeting.value.start)), options, now);
    if (!planned.ok) return [text(t.t(`error.${planned.error.code}`, planned.error.params as Record<string, string>))];
    await upsert<InputRequest>(store, INPUT_REQUESTS, meeting.id, () => planned.value);
    // Cards now, reminders and the summary later; jobs of an earlier plan find other times and stand down.
    await scheduleInputJobs(scheduler, planned.value);
    await audit(store, { kind: 'input.requested', memberId: actor.member.id, at: now.toISOString(), details: { meetingId: meeting.id } });
    const deadline = formatDateTime(new Date(planned.value.deadline), t.locale);
    const count = planned.value.municipalities.length;
    const later = Date.parse(planned.value.sendAt) > now.getTime();
    return [
      text(
        later
          ? t.t('input.requested-later', { title: meeting.value.title, count, deadline, send: formatDateTime(new Date(planned.value.sendAt), t.locale) })
          : t.t('input.requested', { title: meeting.value.title, count, deadline, id: meeting.id }),
      ),
    ];
  },
};
