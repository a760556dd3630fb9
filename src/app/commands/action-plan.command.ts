import { z } from 'zod';
import { osloDate } from '../../domain/oslo-time';
import { adoptPlansDecidedAt } from '../action-plan/action-plan-adoption';
import { allPlans, loadPlan, planYear } from '../action-plan/action-plan-records';
import { planText } from '../action-plan/action-plan-text';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

/** `handlingsplan [år]` / `action plan [year]`: the year's focus areas, budgets and measures, and their status once adopted. */
export const actionPlanCommand = declareCommand({
  id: 'action-plan',
  audience: ['anyone-registered'],
  inMenu: false,
  args: z.object({ year: arg.year() }),
  async run({ actor, org, t, input }, { store, clock, scheduler, links }) {
    const now = clock.now();
    const coordinator = actor.roles.has('coordinator');
    const year = planYear(osloDate(now), await allPlans(store), input.year);
    let plan = (await loadPlan(store, year))?.value;
    if (!plan) return [text(t.t(coordinator ? 'action-plan.none-coordinator' : 'action-plan.none', { year }))];
    // A plan whose case has its decision but is not yet marked adopted (the process died between) is adopted now.
    if (plan.presented && !plan.adopted) {
      const adopted = await adoptPlansDecidedAt(
        { store, clock, scheduler },
        org,
        plan.presented.meetingId,
        actor.member.id,
      );
      plan = adopted.find((p) => p.year === year) ?? plan;
    }
    return [text(await planText({ store, links }, org, t, plan, { coordinator }, now))];
  },
});
