import { hearingFromArgs } from '../hearings/hearing-args';
import { hearingResponses } from '../hearings/hearing-records';
import { statementCard, statementLinks } from '../hearings/statement-card';
import type { Command } from './command';

/** `sammenstill høring <id>`: the joint statement draft, with DOCX and CSV behind signed links. */
export const compileHearingCommand: Command = {
  id: 'compile-hearing',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }, { store, clock, links }) {
    const found = await hearingFromArgs(store, t, args);
    if ('reply' in found) return [found.reply];
    const h = found.hearing;
    return [statementCard(org, t, h, await hearingResponses(store, h.id), statementLinks(links, h.id, t.locale, clock.now()))];
  },
};
