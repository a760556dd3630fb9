import { hearingResponses } from '../hearings/hearing-records';
import { statementCard, statementLinks } from '../hearings/statement-card';
import { archiveJointStatement } from '../archive/archive-triggers';
import { z } from 'zod';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { pickedHearing } from './picked-hearing';

/** `sammenstill høring [høring]`: the joint statement draft, with DOCX and CSV behind signed links. */
export const compileHearingCommand = declareCommand({
  id: 'compile-hearing',
  audience: ['coordinator'],
  inMenu: false,
  args: z.object({ hearing: arg.hearing() }),
  async run(ctx, { store, clock, links, scheduler }) {
    const { org, t } = ctx;
    const found = await pickedHearing(store, 'compile-hearing', ctx);
    if ('reply' in found) return [found.reply];
    const h = found.hearing;
    const responses = await hearingResponses(store, h.id);
    const library = await archiveJointStatement({ store, scheduler, clock }, h, responses);
    return [statementCard(org, t, h, responses, { ...statementLinks(links, h.id, t.locale, clock.now()), library })];
  },
});
