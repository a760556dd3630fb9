import { z } from 'zod';
import { addMeasure } from '../../domain/action-plan';
import { formatCaseNumber } from '../../domain/case-number';
import { osloDate } from '../../domain/oslo-time';
import { fail } from '../../domain/result';
import { ownerAndDescription, resolveOwner } from '../action-plan/action-plan-args';
import { liveCase, refreshCase } from '../action-plan/action-plan-case';
import { changePlan, loadPlan } from '../action-plan/action-plan-records';
import { dayText } from '../action-plan/action-plan-view';
import { audit } from '../audit';
import { errorText } from '../error-text';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { usageText } from './grammar/usage';

const args = z.object({ year: arg.yearNamed(), priority: arg.position(), due: arg.date(), rest: arg.text() });

/**
 * `nytt tiltak <år> <prioritet> <frist> <ansvarlig>: <tiltak>`: a measure under the focus area
 * with that priority, with its owner and due date; it becomes a follow-up task on adoption.
 */
export const measureCommand = declareCommand({
  id: 'measure',
  audience: ['coordinator'],
  inMenu: false,
  args,
  async run({ actor, org, t, input }, { store, clock, scheduler }) {
    const now = clock.now();
    const parts = ownerAndDescription(input.rest);
    if (!parts) return [text(t.t('error.ACTION_PLAN.USAGE', { usage: usageText(t, 'measure', args) }))];
    const owner = resolveOwner(org, parts.owner);
    if (!owner.ok) return [text(errorText(t, owner.error))];
    const stored = await loadPlan(store, input.year);
    if (!stored) return [text(errorText(t, { code: 'ACTION_PLAN.NOT_FOUND', params: { year: input.year } }))];
    const due = input.due.date!;
    // On an agenda already: a task cannot fall due before the meeting that decides it.
    const presented = await liveCase(store, stored.value.presented);
    const meetingDay = presented && osloDate(presented.meeting.start);
    const changed = await changePlan(store, input.year, now, (plan) =>
      meetingDay && due < meetingDay
        ? fail('ACTION_PLAN.DUE_BEFORE_MEETING', { measure: parts.description, priority: input.priority })
        : addMeasure(
            plan,
            input.priority,
            { description: parts.description, owner: owner.value.id, due },
            org.members.map((m) => m.id),
            osloDate(now),
          ),
    );
    if (!changed.ok) return [text(errorText(t, changed.error))];
    await audit(store, {
      kind: 'action-plan.measure',
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { year: input.year, priority: input.priority },
    });
    const refreshed = await refreshCase({ store, clock, scheduler }, org, t, changed.value);
    return [
      text(
        t.t('action-plan.measure-added', {
          description: parts.description,
          owner: owner.value.name,
          due: dayText(due, t),
          priority: input.priority,
          year: input.year,
        }) +
          (refreshed
            ? `\n\n${t.t('action-plan.case-updated', { caseNumber: formatCaseNumber(refreshed.caseNumber) })}`
            : ''),
      ),
    ];
  },
});
