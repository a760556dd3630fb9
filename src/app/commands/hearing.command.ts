import { hearingFromArgs } from '../hearings/hearing-args';
import { hearingResponses } from '../hearings/hearing-records';
import type { StatusViewer } from '../hearings/hearing-status';
import { coordinatorRefresh, hearingStatusCard } from '../hearings/hearing-status';
import type { Command } from './command';

/** `høring <id>`: municipality by municipality, who has answered, with the coordinator's buttons for her alone. */
export const hearingCommand: Command = {
  id: 'hearing',
  audience: ['coordinator', 'member', 'respondent'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args, actor, conversation }, { store }) {
    const found = await hearingFromArgs(store, t, args, 'hearing');
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
};
