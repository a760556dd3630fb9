import { z } from 'zod';
import { addFocusArea, nextFocusAreaId } from '../../domain/action-plan';
import { formatCaseNumber } from '../../domain/case-number';
import { fail } from '../../domain/result';
import { readBudget, spacedThousands } from '../action-plan/action-plan-args';
import { refreshCase } from '../action-plan/action-plan-case';
import { changePlan } from '../action-plan/action-plan-records';
import { kroner } from '../action-plan/action-plan-view';
import { audit } from '../audit';
import { errorText } from '../error-text';
import { text } from '../reply';
import { arg } from './grammar/args';
import { echo } from './grammar/echo';
import { declareCommand } from './grammar/declare-command';

/** `nytt satsingsområde <år> <prioritet> <budsjett> <tittel>`: a prioritised focus area with its budget in the year's plan. */
export const focusAreaCommand = declareCommand({
  id: 'focus-area',
  audience: ['coordinator'],
  inMenu: false,
  args: z.object({ year: arg.yearNamed(), priority: arg.position(), budget: arg.count(), title: arg.text() }),
  async run({ actor, org, t, input, typed }, { store, clock, scheduler }) {
    const now = clock.now();
    const spaced = spacedThousands(typed.budget, input.title);
    const budget = spaced ? undefined : readBudget(typed.budget);
    const changed = await changePlan(store, input.year, now, (plan) =>
      budget === undefined
        ? fail('ACTION_PLAN.BAD_BUDGET', { value: echo(spaced ?? typed.budget ?? '') })
        : addFocusArea(plan, {
            id: nextFocusAreaId(plan),
            title: input.title ?? '',
            priority: input.priority,
            budget,
            measures: [],
          }),
    );
    if (!changed.ok) return [text(errorText(t, changed.error))];
    const area = changed.value.focusAreas.find((a) => a.priority === input.priority)!;
    await audit(store, {
      kind: 'action-plan.focus-area',
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { year: input.year, areaId: area.id },
    });
    const refreshed = await refreshCase({ store, clock, scheduler }, org, t, changed.value);
    const added = t.t('action-plan.area-added', {
      year: input.year,
      priority: area.priority,
      title: area.title,
      budget: kroner(area.budget, t),
    });
    const updated = refreshed
      ? [t.t('action-plan.case-updated', { caseNumber: formatCaseNumber(refreshed.caseNumber) })]
      : [];
    return [text([added, ...updated].join('\n\n'))];
  },
});
