import type { ActionPlan } from '../../domain/action-plan';
import type { DomainError, Result } from '../../domain/result';
import { ok } from '../../domain/result';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { upsert } from '../../ports/record-store';

/** One action plan per year, keyed by the year: a handful of records in the cooperation's lifetime. */
export const ACTION_PLANS = 'actionPlans';

export interface ActionPlanRecord extends ActionPlan {
  readonly createdAt: string;
  readonly adoptedAt?: string;
  /** Measures adoption could not make a task of (an owner gone meanwhile), with the refusal: said, never dropped. */
  readonly notCarried?: readonly { readonly measureTaskId: string; readonly error: DomainError }[];
}

export const planKey = (year: number): string => String(year);

export async function loadPlan(store: RecordStore, year: number): Promise<StoredRecord<ActionPlanRecord> | undefined> {
  return store.get<ActionPlanRecord>(ACTION_PLANS, planKey(year));
}

export async function allPlans(store: RecordStore): Promise<ActionPlanRecord[]> {
  return (await store.find<ActionPlanRecord>(ACTION_PLANS)).map((r) => r.value).sort((a, b) => a.year - b.year);
}

/**
 * A change to a year's plan under its eTag (two coordinators adding at once both land); the
 * plan is made on its first change. A refusal writes nothing and is returned as it is.
 */
export async function changePlan(
  store: RecordStore,
  year: number,
  now: Date,
  change: (plan: ActionPlanRecord) => Result<ActionPlan>,
): Promise<Result<ActionPlanRecord>> {
  let outcome: Result<ActionPlanRecord> | undefined;
  const written = await upsert<ActionPlanRecord>(store, ACTION_PLANS, planKey(year), (current) => {
    const plan: ActionPlanRecord = current ?? { year, focusAreas: [], createdAt: now.toISOString() };
    const changed = change(plan);
    outcome = changed.ok ? ok({ ...plan, ...changed.value }) : changed;
    return changed.ok ? { ...plan, ...changed.value } : undefined;
  });
  if (outcome && !outcome.ok) return outcome;
  return ok(written!.value);
}

/**
 * The year a command without one means: the plan being drafted (not adopted, this year or
 * later), else this year's; with neither, next year's from September (the board adopts the
 * coming year's plan in the autumn), else this year's.
 */
export function planYear(today: string, plans: readonly ActionPlan[], asked?: number): number {
  if (asked !== undefined) return asked;
  const year = Number(today.slice(0, 4));
  const drafting = plans.filter((p) => !p.adopted && p.year >= year).sort((a, b) => a.year - b.year)[0];
  if (drafting) return drafting.year;
  if (plans.some((p) => p.year === year) || Number(today.slice(5, 7)) < 9) return year;
  return year + 1;
}
