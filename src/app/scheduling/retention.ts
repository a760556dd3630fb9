import { z } from 'zod';
import type { Logger } from '../../ports/logger';
import { silentLogger } from '../../ports/logger';
import type { Clock } from '../../ports/clock';
import type { OrphanSweeper } from '../../ports/orphan-sweeper';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError, upsert } from '../../ports/record-store';
import type { DeliveryFailure } from '../delivery/delivery-failures';
import { DELIVERY_FAILURES } from '../delivery/delivery-failures';
import type { JobHandler } from './execute-job';
import type { Job } from './job';
import type { JobScheduler, JobSpec } from './scheduler';
import type { SweepBudget } from './retention-sweep';
import { DAY_MS, dayOf, daysBefore, nextDay, removeUnchanged, sweepJobDays, sweepUndated } from './retention-sweep';

/**
 * Retention: the product's own machinery is removed once it is old, people's records never.
 * Removed: jobs done or cancelled more than `days` ago (outbox messages are jobs too), failed
 * jobs after twice that (a coordinator may still want `prøv igjen`; a retried job is pending
 * again and out of reach), and delivery failures older than `days`. Meetings, cases, votes,
 * hearings, responses, minutes, follow-up and the audit log are not in any of those lists.
 * Durable and daily: job `retention:<UTC day>` runs at 02:00 UTC, schedules the next day's
 * first, and when its budget runs out comes back a minute later (a deferral) until it is through.
 */
export const RETENTION = 'retention.daily';
/** The sweep's progress, so each day is read once: the last day swept per kind. */
export const RETENTION_LIST = 'retention';
const PROGRESS = 'progress';

export const DEFAULT_RETENTION_DAYS = 90;

export const retentionPayload = z.object({ day: z.string() });
/**
 * How far before the cutoff the first run starts reading days. Jobs carry `finishedDay` from
 * the version that also schedules retention at start-up, so none is much older than the
 * first run; older jobs are found by the one-off undated sweep instead.
 */
const BACKFILL_DAYS = 31;
const RUN_AT_UTC = 'T02:00:00.000Z';
const CONTINUE_MS = 60_000;

export interface RetentionProgress {
  /** Done and cancelled jobs are gone up to and including this day. */
  readonly finishedThrough?: string;
  /** Failed jobs are gone up to and including this day. */
  readonly failedThrough?: string;
  /** Jobs finished before `finishedDay` existed have been swept, or the store refused to list them (once). */
  readonly undatedSwept?: boolean;
}

export interface RetentionDeps {
  readonly store: RecordStore;
  readonly scheduler: JobScheduler;
  readonly clock: Clock;
  readonly days?: number;
  /** At most this many removals in one pass (then it continues a minute later). */
  readonly batch?: number;
  /** At most this many day queries in one pass. */
  readonly queries?: number;
  readonly logger?: Logger;
  /** The store's leftover parts of large records (SharePoint), swept with the rest. */
  readonly orphans?: OrphanSweeper;
}

/** A part younger than this may belong to a write still in progress: the sweep leaves it. */
export const ORPHAN_GRACE_MS = DAY_MS;

export const retentionJobId = (day: string): string => `retention:${day}`;

export const retentionJob = (day: string): JobSpec<{ day: string }> => ({
  id: retentionJobId(day),
  kind: RETENTION,
  dueAt: `${day}${RUN_AT_UTC}`,
  payload: { day },
});

/** At start-up: today's run (idempotent, so every instance may ask; once a day, whoever asks). */
export async function scheduleRetention(scheduler: JobScheduler, clock: Clock): Promise<void> {
  await scheduler.schedule(retentionJob(dayOf(clock.now())));
}

const gone = (job: Job): boolean => job.state === 'done' || job.state === 'cancelled';
const failed = (job: Job): boolean => job.state === 'failed';

export function retentionHandler(deps: RetentionDeps): JobHandler<z.infer<typeof retentionPayload>> {
  const days = deps.days ?? DEFAULT_RETENTION_DAYS;
  const logger = deps.logger ?? silentLogger;
  return async ({ job }) => {
    const now = deps.clock.now();
    const today = dayOf(now);
    // Tomorrow's first: whatever happens to this pass, the chain goes on. After days without a
    // run, the next is tomorrow's, not each missed day's (this pass catches up on them).
    await deps.scheduler.schedule(retentionJob(nextDay(job.payload.day > today ? job.payload.day : today)));
    const budget: SweepBudget = { removals: deps.batch ?? 500, queries: deps.queries ?? 120 };
    const progress = (await deps.store.get<RetentionProgress>(RETENTION_LIST, PROGRESS))?.value ?? {};

    // Finished on a day before the cutoff: the whole day is older than `days`.
    const jobs = await sweepJobDays(
      deps.store,
      progress.finishedThrough ?? daysBefore(today, days + 1 + BACKFILL_DAYS),
      daysBefore(today, days + 1),
      gone,
      budget,
    );
    const failures = await sweepJobDays(
      deps.store,
      progress.failedThrough ?? daysBefore(today, 2 * days + 1 + BACKFILL_DAYS),
      daysBefore(today, 2 * days + 1),
      failed,
      budget,
    );
    const cutoff = (n: number) => new Date(now.getTime() - n * DAY_MS).toISOString();
    const undated = progress.undatedSwept
      ? { removed: 0, finished: true, refused: [] }
      : await sweepUndated(
          deps.store,
          { done: cutoff(days), cancelled: cutoff(days), failed: cutoff(2 * days) },
          budget,
        );
    // Once only, refused or not: a SharePoint list already past the threshold is the migration's
    // to tidy (docs/storage-queries.md); asking again every day would be refused every day.
    if (undated.refused.length > 0) logger.warn('retention.undated-refused', { states: undated.refused.join(',') });
    const swept = undated.finished && !progress.undatedSwept;
    const deliveries = await sweepDeliveryFailures(deps, cutoff(days), budget, logger);
    // Last, once the rest is through: it lists every part, which a pass deferred for the rest
    // would otherwise do again on each continuation.
    const restFinished = jobs.finished && failures.finished && undated.finished && deliveries.finished;
    const orphans =
      deps.orphans && restFinished
        ? await deps.orphans.sweepOrphans(new Date(now.getTime() - ORPHAN_GRACE_MS), budget.removals)
        : { removed: 0, finished: true };
    if (jobs.through || failures.through || swept)
      await upsert<RetentionProgress>(deps.store, RETENTION_LIST, PROGRESS, (current) => ({
        ...current,
        ...(jobs.through && { finishedThrough: later(current?.finishedThrough, jobs.through) }),
        ...(failures.through && { failedThrough: later(current?.failedThrough, failures.through) }),
        ...(swept && { undatedSwept: true }),
      }));
    const removed = jobs.removed + failures.removed + undated.removed + deliveries.removed;
    if (removed > 0)
      logger.info('retention.pass', {
        jobs: jobs.removed + undated.removed,
        failedJobs: failures.removed,
        deliveryFailures: deliveries.removed,
      });
    if (orphans.removed > 0) logger.info('retention.orphan-parts', { removed: orphans.removed });
    if (!restFinished || !orphans.finished) return { outcome: 'defer', afterMs: CONTINUE_MS };
    return { outcome: 'done' };
  };
}

/** Two runners may both move the mark: it only goes forward. */
const later = (a: string | undefined, b: string): string => (a && a > b ? a : b);

/**
 * Delivery failures are few (a message Teams refused for good) and, with retention, at most
 * `days` of them: the collection is read whole. If SharePoint still refuses that query, the
 * pass goes on without them and says so in the log, rather than stopping the job chain.
 */
async function sweepDeliveryFailures(
  deps: RetentionDeps,
  before: string,
  budget: SweepBudget,
  logger: Logger,
): Promise<{ removed: number; finished: boolean }> {
  let all;
  try {
    all = await deps.store.find<DeliveryFailure>(DELIVERY_FAILURES);
  } catch (e) {
    if (!isStoreError(e, 'STORE.REJECTED')) throw e;
    logger.warn('retention.delivery-failures-refused', { error: e.message });
    return { removed: 0, finished: true };
  }
  let removed = 0;
  for (const record of all.filter((r) => r.value.at < before)) {
    if (budget.removals <= 0) return { removed, finished: false };
    budget.removals--;
    if (await removeUnchanged(deps.store, DELIVERY_FAILURES, record)) removed++;
  }
  return { removed, finished: true };
}
