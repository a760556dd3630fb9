import type { FollowUpDraft } from './follow-up';
import { FOLLOW_UP_DESCRIPTION_MAX } from './follow-up';
import type { Result } from './result';
import { fail, ok } from './result';

/**
 * Handlingsplan og budsjett: the board adopts, as a case, a year's prioritised focus areas;
 * each area's measures become follow-up tasks of that decision (createFollowUp), so the
 * status per area for the annual meeting is read from the tasks, not kept twice.
 */
export interface Measure {
  readonly id: string;
  readonly description: string;
  /** Member id. */
  readonly owner: string;
  /** YYYY-MM-DD. */
  readonly due: string;
}

export interface FocusArea {
  readonly id: string;
  readonly title: string;
  /** 1 is the highest priority; unique within the plan. */
  readonly priority: number;
  /** Whole kroner budgeted for the area. */
  readonly budget: number;
  readonly measures: readonly Measure[];
}

/** Where the plan is, or was, a case: a meeting of the board and the agenda item. */
export interface PlanCase {
  readonly meetingId: string;
  readonly itemId: string;
}

export interface ActionPlan {
  readonly year: number;
  readonly focusAreas: readonly FocusArea[];
  /** Set when the plan is put on a board meeting's agenda; adoption follows that case's decision. */
  readonly presented?: PlanCase;
  /** Set once the board's decision is in the minutes. */
  readonly adopted?: PlanCase;
}

export const FOCUS_AREA_TITLE_MAX = 200;
/** Prioritised means few: a plan of more than this many areas has no priorities left to speak of. */
export const FOCUS_AREAS_MAX = 20;

/** A focus area joins a plan not yet adopted; after adoption the plan changes by a new case. */
export function addFocusArea(plan: ActionPlan, area: FocusArea): Result<ActionPlan> {
  if (plan.adopted) return fail('ACTION_PLAN.ADOPTED', { year: plan.year });
  if (plan.focusAreas.length >= FOCUS_AREAS_MAX) return fail('ACTION_PLAN.TOO_MANY_AREAS', { max: FOCUS_AREAS_MAX });
  const title = area.title.trim();
  if (title === '') return fail('ACTION_PLAN.TITLE_REQUIRED');
  if (title.length > FOCUS_AREA_TITLE_MAX) return fail('ACTION_PLAN.TITLE_TOO_LONG', { max: FOCUS_AREA_TITLE_MAX });
  if (!Number.isInteger(area.priority) || area.priority < 1)
    return fail('ACTION_PLAN.BAD_PRIORITY', { value: String(area.priority) });
  if (plan.focusAreas.some((a) => a.priority === area.priority))
    return fail('ACTION_PLAN.DUPLICATE_PRIORITY', { priority: area.priority });
  if (!Number.isInteger(area.budget) || area.budget < 0)
    return fail('ACTION_PLAN.BAD_BUDGET', { value: String(area.budget) });
  const focusAreas = [...plan.focusAreas, { ...area, title }].sort((a, b) => a.priority - b.priority);
  return ok({ ...plan, focusAreas });
}

export const totalBudget = (plan: ActionPlan): number => plan.focusAreas.reduce((sum, a) => sum + a.budget, 0);

/** Adoption: the decided agenda item's follow-up drafts, one per measure, ids kept stable. */
export function adoptionDrafts(plan: ActionPlan, itemId: string): Result<readonly FollowUpDraft[]> {
  if (plan.focusAreas.length === 0) return fail('ACTION_PLAN.EMPTY', { year: plan.year });
  return ok(
    plan.focusAreas.flatMap((a) =>
      a.measures.map((m) => ({
        id: `${plan.year}-${a.id}-${m.id}`,
        itemId,
        description: `${a.title}: ${m.description}`,
        owner: m.owner,
        due: m.due,
      })),
    ),
  );
}

export interface FocusAreaStatus {
  readonly areaId: string;
  readonly title: string;
  readonly done: number;
  readonly open: number;
  readonly overdue: number;
}

/** Status per focus area from the tasks adoption made (matched by the ids adoptionDrafts gave). */
export function focusAreaStatus(
  plan: ActionPlan,
  tasks: readonly { readonly id: string; readonly status: 'open' | 'done'; readonly due: string }[],
  today: string,
): readonly FocusAreaStatus[] {
  return plan.focusAreas.map((a) => {
    const mine = tasks.filter((t) => t.id.startsWith(`${plan.year}-${a.id}-`));
    const open = mine.filter((t) => t.status === 'open');
    return {
      areaId: a.id,
      title: a.title,
      done: mine.length - open.length,
      open: open.length,
      overdue: open.filter((t) => t.due < today).length,
    };
  });
}

/** Ids are counters, kept when priorities are written: "1", "2", … (task ids are built from them). */
const nextId = (items: readonly { readonly id: string }[]): string =>
  String(items.reduce((max, i) => Math.max(max, Number(i.id) || 0), 0) + 1);

export const nextFocusAreaId = (plan: ActionPlan): string => nextId(plan.focusAreas);

export const focusAreaAt = (plan: ActionPlan, priority: number): FocusArea | undefined =>
  plan.focusAreas.find((a) => a.priority === priority);

const isDate = (s: string): boolean =>
  /^\d{4}-\d\d-\d\d$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * A measure joins the focus area with that priority. It becomes a follow-up task on adoption,
 * so it is held to a task's rules now (owner in the organisation, a due day not past, the
 * task's description "area: measure" within a task's length) rather than refused then.
 */
export function addMeasure(
  plan: ActionPlan,
  priority: number,
  measure: Omit<Measure, 'id'>,
  memberIds: readonly string[],
  today: string,
): Result<ActionPlan> {
  if (plan.adopted) return fail('ACTION_PLAN.ADOPTED', { year: plan.year });
  const area = focusAreaAt(plan, priority);
  if (!area) return fail('ACTION_PLAN.UNKNOWN_FOCUS_AREA', { year: plan.year, priority });
  const description = measure.description.trim();
  if (description === '') return fail('FOLLOW_UP.DESCRIPTION_REQUIRED');
  const room = FOLLOW_UP_DESCRIPTION_MAX - area.title.length - 2;
  if (description.length > room) return fail('FOLLOW_UP.DESCRIPTION_TOO_LONG', { max: room });
  if (!memberIds.includes(measure.owner)) return fail('FOLLOW_UP.UNKNOWN_OWNER');
  if (!isDate(measure.due)) return fail('FOLLOW_UP.BAD_DUE_DATE');
  if (measure.due < today) return fail('FOLLOW_UP.DUE_IN_PAST');
  const added: Measure = { id: nextId(area.measures), description, owner: measure.owner, due: measure.due };
  return ok({
    ...plan,
    focusAreas: plan.focusAreas.map((a) => (a === area ? { ...a, measures: [...a.measures, added] } : a)),
  });
}

/**
 * The plan goes to the board as a case at a meeting on `meetingDay` (YYYY-MM-DD). A follow-up
 * task cannot fall due before the meeting that decided it, so such a measure is named now.
 */
export function presentPlan(plan: ActionPlan, at: PlanCase, meetingDay: string): Result<ActionPlan> {
  if (plan.adopted) return fail('ACTION_PLAN.ADOPTED', { year: plan.year });
  if (plan.focusAreas.length === 0) return fail('ACTION_PLAN.EMPTY', { year: plan.year });
  for (const a of plan.focusAreas) {
    const early = a.measures.find((m) => m.due < meetingDay);
    if (early) return fail('ACTION_PLAN.DUE_BEFORE_MEETING', { measure: early.description, priority: a.priority });
  }
  return ok({ ...plan, presented: at });
}

/** Adoption by the decision recorded under the case the plan was presented as; once. */
export function adoptPlan(plan: ActionPlan, decided: PlanCase): Result<ActionPlan> {
  if (plan.adopted) return fail('ACTION_PLAN.ADOPTED', { year: plan.year });
  if (plan.presented?.meetingId !== decided.meetingId || plan.presented.itemId !== decided.itemId)
    return fail('ACTION_PLAN.NOT_PRESENTED', { year: plan.year });
  return ok({ ...plan, adopted: decided });
}

/** The budget against the year's fee income (øre): what is left, or below zero what is missing. */
export function budgetBalance(plan: ActionPlan, incomeOre: number): { budgetOre: number; leftOre: number } {
  const budgetOre = totalBudget(plan) * 100;
  return { budgetOre, leftOre: incomeOre - budgetOre };
}
