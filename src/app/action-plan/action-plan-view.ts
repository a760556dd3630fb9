import type { ActionPlan, FocusArea, FocusAreaStatus, Measure } from '../../domain/action-plan';
import { focusAreaStatus } from '../../domain/action-plan';
import type { FollowUpTask } from '../../domain/follow-up';
import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import { osloDate } from '../../domain/oslo-time';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import { formatKroner } from '../../i18n/money';
import type { RecordStore } from '../../ports/record-store';
import { allTasks } from '../follow-up/follow-up-records';

/** A budget is whole kroner; the money helper writes øre. */
export const kroner = (budget: number, t: Translator): string => formatKroner(budget * 100, t.locale);

export const dayText = (iso: string, t: Translator): string => formatDate(new Date(`${iso}T12:00:00Z`), t.locale);

export const ownerName = (org: Organisation, id: string): string => memberById(org, id)?.name ?? id;

/** The task a measure became on adoption (adoptionDrafts' ids). */
export const measureTaskId = (plan: ActionPlan, area: FocusArea, m: Measure): string =>
  `${plan.year}-${area.id}-${m.id}`;

export function measureLine(org: Organisation, t: Translator, m: Measure): string {
  return t.t('action-plan.measure-line', {
    description: m.description,
    owner: ownerName(org, m.owner),
    due: dayText(m.due, t),
  });
}

/** Each focus area in priority order with its budget, and its measures under it. */
export function areaLines(org: Organisation, t: Translator, plan: ActionPlan): string[] {
  return plan.focusAreas.map((a) =>
    [
      t.t('action-plan.area-line', { priority: a.priority, title: a.title, budget: kroner(a.budget, t) }),
      ...(a.measures.length === 0
        ? [`   ${t.t('action-plan.no-measures')}`]
        : a.measures.map((m) => `   - ${measureLine(org, t, m)}`)),
    ].join('\n'),
  );
}

/** The tasks an adopted plan made, and the status per focus area read from them. */
export async function planStatus(
  store: RecordStore,
  plan: ActionPlan,
  now: Date,
): Promise<{ tasks: ReadonlyMap<string, FollowUpTask>; areas: readonly FocusAreaStatus[] }> {
  const prefix = `${plan.year}-`;
  const mine = plan.adopted
    ? (await allTasks(store)).filter((task) => task.itemId === plan.adopted?.itemId && task.id.startsWith(prefix))
    : [];
  return {
    tasks: new Map(mine.map((task) => [task.id, task])),
    areas: focusAreaStatus(plan, mine, osloDate(now)),
  };
}

export function statusLine(t: Translator, s: FocusAreaStatus): string {
  return t.t('action-plan.status-line', { title: s.title, done: s.done, open: s.open, overdue: s.overdue });
}

/** Said when saving the minutes adopted a plan: how many measures became tasks, and how many could not. */
export function adoptedNotice(t: Translator, plan: ActionPlan & { readonly notCarried?: readonly unknown[] }): string {
  const measures = plan.focusAreas.reduce((n, a) => n + a.measures.length, 0);
  const missed = plan.notCarried?.length ?? 0;
  return t.t('action-plan.adopted', { year: plan.year, tasks: measures - missed, missed });
}
