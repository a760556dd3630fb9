import { z } from 'zod';
import { formatCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import { boardOf } from '../../domain/organisation';
import type { StoredRecord } from '../../ports/record-store';
import { presentToBoard } from '../action-plan/action-plan-case';
import { errorText } from '../error-text';
import { bodyMeetings } from '../meetings/meeting-records';
import { meetingCardNow } from '../meetings/meeting-card-now';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { meetingArg } from './meeting-pick';

/** The board's next planned meeting: where the plan goes when no meeting is named. */
async function nextBoardMeeting(
  store: Parameters<typeof bodyMeetings>[0],
  boardId: string | undefined,
  now: Date,
): Promise<StoredRecord<Meeting> | undefined> {
  if (!boardId) return undefined;
  return (await bodyMeetings(store, boardId))
    .filter((m) => m.value.state === 'planned' && Date.parse(m.value.start) > now.getTime())
    .sort((a, b) => a.value.start.localeCompare(b.value.start))[0];
}

/**
 * `legg fram handlingsplan <år> [møte]`: the year's plan as a case on a board meeting's agenda
 * (the next board meeting unless another is named); its vedtak in the minutes adopts it.
 */
export const presentActionPlanCommand = declareCommand({
  id: 'present-action-plan',
  audience: ['coordinator'],
  inMenu: false,
  args: z.object({ year: arg.yearNamed(), meeting: arg.meeting() }),
  async run(ctx, { store, clock, scheduler }) {
    const { org, t, input } = ctx;
    const now = clock.now();
    let meeting: StoredRecord<Meeting> | undefined;
    if (input.meeting === undefined) {
      meeting = await nextBoardMeeting(store, boardOf(org)?.id, now);
      if (!meeting) return [text(t.t('action-plan.no-board-meeting', { year: input.year }))];
    } else {
      const picked = await meetingArg(ctx, 'present-action-plan', input.meeting, store, now);
      if ('reply' in picked) return [picked.reply];
      meeting = picked.record;
    }
    const presented = await presentToBoard({ store, clock, scheduler }, org, t, input.year, meeting);
    if (!presented.ok) return [text(errorText(t, presented.error))];
    return [
      text(
        t.t('action-plan.presented', {
          year: input.year,
          caseNumber: formatCaseNumber(presented.value.item.caseNumber),
          meeting: presented.value.meeting.title,
        }),
      ),
      await meetingCardNow(store, org, t, presented.value.meeting),
    ];
  },
});
