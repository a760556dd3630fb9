import { z } from 'zod';
import { isPlanned } from '../../domain/meeting';
import { followUpCard } from '../follow-up/follow-up-card';
import { visibleTasks } from '../follow-up/follow-up-actions';
import { reviewFor } from '../follow-up/follow-up-review';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';
import { meetingArg } from './meeting-pick';

/**
 * `oppfølging`: open follow-up tasks, overdue marked; all for the coordinator, one's own for
 * others. `oppfølging <møte>` (coordinator): the open tasks that meeting is offered for review;
 * the meeting by id, title fragment or neste/next, a choice when several fit.
 */
export const followUpCommand = declareCommand({
  id: 'follow-up',
  audience: ['anyone-registered'],
  args: z.object({ meeting: arg.meeting() }),
  inMenu: false,
  async run(ctx, { store, clock }) {
    const { actor, org, t, input } = ctx;
    const now = clock.now();
    const viewer = { memberId: actor.member.id, coordinator: actor.roles.has('coordinator') };
    const named = input.meeting ?? '';
    if (named === '' || !viewer.coordinator)
      return [followUpCard(org, t, await visibleTasks(store, viewer), viewer, now)];
    const found = await meetingArg(ctx, 'follow-up', named, store, now);
    if ('reply' in found) return [found.reply];
    const meeting = found.record;
    const tasks = await reviewFor(store, meeting.value);
    return [followUpCard(org, t, tasks, viewer, now, '', { meeting: meeting.value, open: isPlanned(meeting.value) })];
  },
});
