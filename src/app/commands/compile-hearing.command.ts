import { hearingFromArgs } from '../hearings/hearing-args';
import { hearingResponses } from '../hearings/hearing-records';
import { statementCard, statementLinks } from '../hearings/statement-card';
import { archiveJointStatement } from '../archive/archive-triggers';
import type { Command } from './command';

/** `sammenstill høring <id>`: the joint statement draft, with DOCX and CSV behind signed links. */
export const compileHearingCommand: Command = {
  id: 'compile-hearing',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }, { store, clock, links, scheduler }) {
    const found = await hearingFromArgs(store, t, args, 'compile-hearing');
    if ('reply' in found) return [found.reply];
    const h = found.hearing;
    const responses = await hearingResponses(store, h.id);
    const library = await archiveJointStatement({ store, scheduler, clock }, h, responses);
    return [statementCard(org, t, h, responses, { ...statementLinks(links, h.id, t.locale, clock.now()), library })];
  },
};
