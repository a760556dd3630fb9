import { z } from 'zod';
import { formatCaseNumber } from '../../domain/case-number';
import { osloDate } from '../../domain/oslo-time';
import { addOwnFunding, applyForFunding, fundingTotals, settleFunding } from '../../domain/project';
import { audit } from '../audit';
import { errorText } from '../error-text';
import { fundingText, splitProject } from '../projects/project-args';
import { boardDecisions } from '../projects/board-decisions';
import { changeProject, projectCalled } from '../projects/project-records';
import { kroner } from '../projects/project-view';
import { refusalWithUsage } from '../networks/usage-refusal';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

const args = z.object({ funding: arg.text() });

/**
 * `finansiering <prosjekt> egen <beløp>`, `… ekstern <beløp> <giver> sak <nr/år>` (only after the
 * board's decision to apply, found in its minutes) and `… <nr> innvilget|avslått`.
 */
export const fundingCommand = declareCommand({
  id: 'funding',
  audience: ['coordinator'],
  inMenu: false,
  args,
  async run({ actor, org, t, input }, { store, clock }) {
    const now = clock.now();
    const today = osloDate(now);
    const refuse = (e: Parameters<typeof errorText>[1]) => [text(refusalWithUsage(t, 'funding', e))];
    const { project: typed, rest } = splitProject(input.funding ?? '');
    if (typed === '') return refuse({ code: 'PROJECT.USAGE' });
    const found = await projectCalled(store, org, typed);
    if (!found.ok) return [text(errorText(t, found.error))];
    const parsed = fundingText(t, rest);
    if (!parsed.ok) return refuse(parsed.error);
    const a = parsed.value;
    const decisions = a.kind === 'external' ? await boardDecisions(store, org, now) : [];
    const changed = await changeProject(store, org, found.value.id, (p) =>
      a.kind === 'own'
        ? addOwnFunding(p, a.amount, a.note, now)
        : a.kind === 'external'
          ? applyForFunding(p, a, decisions, now, today)
          : settleFunding(p, a.n, a.outcome, now),
    );
    if (!changed.ok) return refuse(changed.error);
    await audit(store, {
      kind: `project.funding-${a.kind}`,
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { projectId: found.value.id },
    });
    const p = changed.value;
    const secured = kroner(fundingTotals(p).secured, t);
    if (a.kind === 'own')
      return [text(t.t('project.own-added', { amount: kroner(a.amount, t), name: p.name, secured }))];
    if (a.kind === 'external')
      return [
        text(
          t.t('project.applied', {
            funder: a.funder,
            amount: kroner(a.amount, t),
            name: p.name,
            case: formatCaseNumber(a.boardCase),
            id: p.id,
            n: p.funding.length,
          }),
        ),
      ];
    const f = p.funding[a.n - 1]!;
    return [
      text(
        t.t('project.settled', {
          funder: f.source,
          amount: kroner(f.amount, t),
          outcome: a.outcome,
          name: p.name,
          secured,
        }),
      ),
    ];
  },
});
