import { z } from 'zod';
import { formatCaseNumber } from '../../domain/case-number';
import { followUpState, parseDecisionQuery, searchDecisions } from '../../domain/decision-register';
import { bodyName } from '../../domain/organisation';
import { formatDate } from '../../i18n/dates';
import { decisionEntries } from '../register/decision-entries';
import { entryTitle, registerExportId } from '../register/decision-files';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

/** At most this many decisions in one answer: a chat message is not a report; the export is. */
export const DECISIONS_SHOWN = 15;
const EXCERPT = 300;

/** `vedtak [søk]`: the decision register, searched by words, body, year and case number. */
export const decisionsCommand = declareCommand({
  id: 'decisions',
  audience: ['anyone-registered'],
  inMenu: false,
  // Search words are free text: nothing to refuse; the query reader picks out body, year and case number.
  args: z.object({ query: arg.text() }),
  async run({ org, t, input }, { store, clock, links }) {
    const now = clock.now();
    const args = input.query ?? '';
    const query = parseDecisionQuery(args, org.bodies);
    const found = searchDecisions(await decisionEntries(store, now), query);
    const csv = `${links.link(`/exports/${registerExportId(query.year)}/vedtak.csv`, now)}&lang=${t.locale}`;
    if (found.length === 0)
      return [text(t.t(args.trim() === '' ? 'decisions.none' : 'decisions.none-found', { query: args.trim() }))];
    const lines = found.slice(0, DECISIONS_SHOWN).map((e) =>
      t.t('decisions.line', {
        case: formatCaseNumber(e.caseNumber),
        body: bodyName(org, e.bodyId),
        date: formatDate(new Date(`${e.date}T12:00:00Z`), t.locale),
        title: entryTitle(e, t),
        decision: e.decision.length > EXCERPT ? `${e.decision.slice(0, EXCERPT)}…` : e.decision,
        minutes: t.t(e.approved ? 'decisions.minutes.approved' : 'decisions.minutes.draft'),
        followUp: t.t(`decisions.follow-up.${followUpState(e)}`, e.followUp),
      }),
    );
    return [
      text(
        [
          t.t('decisions.heading', { count: found.length, shown: Math.min(found.length, DECISIONS_SHOWN) }),
          ...lines,
          t.t('decisions.export', { url: csv }),
        ].join('\n\n'),
      ),
    ];
  },
});
