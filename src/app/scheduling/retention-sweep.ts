import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import type { Job } from './job';
import { JOBS } from './job';

/** What one pass may still do: removals and queries, so no pass grows with the store. */
export interface SweepBudget {
  removals: number;
  queries: number;
}

export const DAY_MS = 24 * 60 * 60_000;

/** The UTC day of a time, `2026-09-03`: the form of a job's `finishedDay`. */
export const dayOf = (at: Date | number): string => new Date(at).toISOString().slice(0, 10);

export const nextDay = (day: string): string => dayOf(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS);

export const daysBefore = (day: string, days: number): string =>
  dayOf(Date.parse(`${day}T00:00:00.000Z`) - days * DAY_MS);

/**
 * Removes one record unless it changed since it was read (a coordinator's `prøv igjen` moved a
 * failed job back) or another runner removed it first: either way it is not ours to remove.
 */
export async function removeUnchanged(
  store: RecordStore,
  list: string,
  record: StoredRecord<unknown>,
): Promise<boolean> {
  try {
    await store.remove(list, record.id, record.etag);
    return true;
  } catch (e) {
    if (isStoreError(e, 'STORE.PRECONDITION_FAILED') || isStoreError(e, 'STORE.NOT_FOUND')) return false;
    throw e;
  }
}

export interface DaySweep {
  /** The last day fully swept, if any this pass. */
  readonly through: string | undefined;
  /** True when every day up to `until` is swept. */
  readonly finished: boolean;
  readonly removed: number;
}

/**
 * Finished jobs one UTC day at a time (`{ finishedDay }`), from the day after `after` to
 * `until`: each query matches at most a day's finished jobs, however large the store has grown
 * (SharePoint's list view threshold). Only jobs `takes` accepts are removed; the others stay.
 */
export async function sweepJobDays(
  store: RecordStore,
  after: string,
  until: string,
  takes: (job: Job) => boolean,
  budget: SweepBudget,
): Promise<DaySweep> {
  let through: string | undefined;
  let removed = 0;
  for (let day = nextDay(after); day <= until; day = nextDay(day)) {
    if (budget.queries <= 0 || budget.removals <= 0) return { through, finished: false, removed };
    budget.queries--;
    const found = (await store.find<Job>(JOBS, { finishedDay: day })).filter((r) => takes(r.value));
    for (const record of found) {
      if (budget.removals <= 0) return { through, finished: false, removed };
      budget.removals--;
      if (await removeUnchanged(store, JOBS, record)) removed++;
    }
    through = day;
  }
  return { through, finished: true, removed };
}

/**
 * Jobs finished before jobs carried their `finishedDay` (older versions): found by state, once.
 * `olderThan` gives each state's cutoff (ISO). On SharePoint a state whose jobs pass the list
 * view threshold is refused (STORE.REJECTED): that state is left, and the caller says so.
 */
export async function sweepUndated(
  store: RecordStore,
  olderThan: Readonly<Partial<Record<Job['state'], string>>>,
  budget: SweepBudget,
): Promise<{ removed: number; finished: boolean; refused: string[] }> {
  let removed = 0;
  const refused: string[] = [];
  for (const [state, before] of Object.entries(olderThan)) {
    let found: StoredRecord<Job>[];
    try {
      found = await store.find<Job>(JOBS, { state });
    } catch (e) {
      if (!isStoreError(e, 'STORE.REJECTED')) throw e;
      refused.push(state);
      continue;
    }
    for (const record of found.filter(
      (r) => r.value.finishedDay === undefined && (r.value.finishedAt ?? r.value.updatedAt) < before,
    )) {
      if (budget.removals <= 0) return { removed, finished: false, refused };
      budget.removals--;
      if (await removeUnchanged(store, JOBS, record)) removed++;
    }
  }
  return { removed, finished: true, refused };
}
