import { z } from 'zod';
import type { Absence } from '../../domain/absence';
import { errorText } from '../error-text';
import { reportAbsence } from '../../domain/absence';
import { memberById } from '../../domain/organisation';
import { upsert } from '../../ports/record-store';
import { audit } from '../audit';
import { tellAboutAbsence } from '../meetings/absence-notices';
import { absenceId, ABSENCES, meetingAbsences } from '../meetings/meeting-records';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { meetingAndText } from './meeting-pick';

/**
 * `meld forfall M4TQ2 sykdom` (or `neste`, or title words: `meld forfall januar sykdom`; without
 * a meeting: the next one). The deputy stands in:
 * a vote opened for that meeting gives the deputy the seat's vote.
 */
export const reportAbsenceCommand = declareCommand({
  id: 'report-absence',
  audience: ['member'],
  args: z.object({ meeting: arg.meeting(), reason: arg.text() }),
  async run(ctx, { store, clock, scheduler }) {
    const { actor, org, t, input } = ctx;
    const given = { meeting: input.meeting, text: input.reason };
    const picked = await meetingAndText(ctx, 'report-absence', 'reason', given, store, clock.now());
    if ('reply' in picked) return [picked.reply];
    const meeting = picked.record;
    const reason = picked.text;
    const absences = await meetingAbsences(store, meeting.id);
    const reported = reportAbsence(org, meeting.value, absences, { memberId: actor.member.id, reason }, clock.now());
    if (!reported.ok) return [text(errorText(t, reported.error))];
    await upsert<Absence>(store, ABSENCES, absenceId(meeting.id, actor.member.id), () => reported.value);
    await audit(store, {
      kind: 'meeting.absence',
      memberId: actor.member.id,
      at: clock.now().toISOString(),
      details: { meetingId: meeting.id },
    });
    await tellAboutAbsence({ store, scheduler }, org, t, meeting.value, reported.value, clock.now());
    const deputies = reported.value.deputiesCalled.map((id) => memberById(org, id)?.name ?? id);
    return [
      text(
        deputies.length > 0
          ? t.t('absence.recorded', { title: meeting.value.title, deputies: deputies.join(', ') })
          : t.t('absence.recorded-no-deputy', { title: meeting.value.title }),
      ),
    ];
  },
});
