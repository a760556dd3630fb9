import { z } from 'zod';
import { hearingResponses } from '../hearings/hearing-records';
import type { StatusViewer } from '../hearings/hearing-status';
import { coordinatorRefresh, hearingStatusCard } from '../hearings/hearing-status';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';
import { pickedHearing } from './picked-hearing';

/** `høring <id>`: municipality by municipality, who has answered, with the coordinator's buttons for her alone. */
export const hearingCommand = declareCommand({
  id: 'hearing',
  audience: ['coordinator', 'member', 'respondent'],
  args: z.object({ hearing: arg.hearing() }),
  inMenu: false,
  async run(ctx, { store }) {
    const { org, t, actor, conversation } = ctx;
    const found = await pickedHearing(store, 'hearing', ctx);
    if ('reply' in found) return [found.reply];
    // In her own chat the coordinator gets her view; a card in a channel or group is shared, so
    // it is neutral and Teams refreshes it into the coordinators' view.
    const viewer: StatusViewer =
      conversation.kind !== 'personal'
        ? await coordinatorRefresh(store, org)
        : actor.roles.has('coordinator')
          ? { kind: 'coordinator' }
          : { kind: 'other' };
    return [hearingStatusCard(org, t, found.hearing, await hearingResponses(store, found.hearing.id), '', viewer)];
  },
});
