import { hearingFromArgs } from '../hearings/hearing-args';
import { hearingResponses } from '../hearings/hearing-records';
import { hearingStatusCard } from '../hearings/hearing-status';
import type { Command } from './command';

/** `høring <id>`: municipality by municipality, who has answered, with the coordinator's buttons. */
export const hearingCommand: Command = {
  id: 'hearing',
  audience: ['coordinator', 'member', 'respondent'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }, { store }) {
    const found = await hearingFromArgs(store, t, args, 'hearing');
    if ('reply' in found) return [found.reply];
    return [hearingStatusCard(org, t, found.hearing, await hearingResponses(store, found.hearing.id))];
  },
};
