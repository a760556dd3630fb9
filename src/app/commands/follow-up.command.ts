import { z } from 'zod';
import { isPlanned } from '../../domain/meeting';
import { followUpCard } from '../follow-up/follow-up-card';
import { visibleTasks } from '../follow-up/follow-up-actions';
import { reviewFor } from '../follow-up/follow-up-review';
import { findMeeting } from '../meetings/meeting-records';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/**
 * `oppfølging`: open follow-up tasks, overdue marked; all for the coordinator, one's own for
 * others. `oppfølging <møte>` (coordinator): the open tasks that meeting is offered for review.
 */
export const followUpCommand = declareCommand({
  id: 'follow-up',
  audience: ['anyone-registered'],
  args: z.object({ meeting: arg.meeting() }),
  inMenu: false,
  async run({ actor, org, t, input }, { store, clock }) {
    const now = clock.now();
    const viewer = { memberId: actor.member.id, coordinator: actor.roles.has('coordinator') };
    const named = input.meeting ?? '';
    if (named === '' || !viewer.coordinator)
      return [followUpCard(org, t, await visibleTasks(store, viewer), viewer, now)];
    const meeting = await findMeeting(store, named, now);
    if (!meeting) return [text(t.t('error.MEETING.UNKNOWN', { meeting: named }))];
    const tasks = await reviewFor(store, meeting.value);
    return [followUpCard(org, t, tasks, viewer, now, '', { meeting: meeting.value, open: isPlanned(meeting.value) })];
  },
});
