import type { FollowUpDraft } from './follow-up';
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

export interface ActionPlan {
  readonly year: number;
  readonly focusAreas: readonly FocusArea[];
  /** Set once the board's decision is in the minutes. */
  readonly adopted?: { readonly meetingId: string; readonly itemId: string };
}

export const FOCUS_AREA_TITLE_MAX = 200;

/** A focus area joins a plan not yet adopted; after adoption the plan changes by a new case. */
export function addFocusArea(plan: ActionPlan, area: FocusArea): Result<ActionPlan> {
  if (plan.adopted) return fail('ACTION_PLAN.ADOPTED', { year: plan.year });
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
