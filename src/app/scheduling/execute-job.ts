import type { Clock } from '../../ports/clock';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import type { BackoffPolicy, Job, JobOutcome, Receipt } from './job';
import { isJobDeferred } from './job-deferred';
import {
  JOBS,
  backoffMs,
  claimedBy,
  errorMessage,
  failedWith,
  isLeaseExpired,
  isOutOfAttempts,
  isRunnable,
  settled,
  withReceipt,
} from './job';

/** What a handler gets: the job as claimed, and a way to record its side effect at once. */
export interface JobContext<P = unknown> {
  readonly job: Job<P>;
  /** 1 on the first run; above 1 after a failure or after another runner died holding it. */
  readonly attempt: number;
  /** The job id: pass it on where the receiving end can deduplicate. */
  readonly idempotencyKey: string;
  /** Recorded by an earlier attempt: its side effect happened, do not repeat it. */
  readonly receipt: Receipt | undefined;
  /** The handler must finish before this (ISO); after it another runner may take the job. */
  readonly leaseUntil: string;
  /**
   * Writes the receipt onto the job before returning. Call it the moment the side effect is
   * known to have happened. Throws `JOB.CLAIM_LOST` when the job is no longer ours.
   */
  recordReceipt(receipt: Receipt): Promise<void>;
}

/** Return nothing (or `done`) when finished; throw or return `retry` to try later; `failed` to give up. */
export type JobHandler<P = unknown> = (context: JobContext<P>) => Promise<JobOutcome | void>;

export type JobResult = 'done' | 'retried' | 'failed' | 'skipped' | 'lost';

export class ClaimLostError extends Error {
  readonly code = 'JOB.CLAIM_LOST';
  constructor(readonly jobId: string, options?: { cause?: unknown }) {
    super(`JOB.CLAIM_LOST ${jobId}`, options);
    this.name = 'ClaimLostError';
  }
}

export interface ExecuteOptions {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly owner: string;
  readonly leaseMs: number;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
}

/** Another writer got there first: a runner's claim, a cancel, a reschedule, or a removal. */
const raced = (e: unknown): boolean => isStoreError(e, 'STORE.PRECONDITION_FAILED') || isStoreError(e, 'STORE.NOT_FOUND');

/**
 * Claims one job with an eTag-guarded write, runs its handler and settles it. Every write
 * after the claim is guarded by the eTag of our own last write, so a runner whose lease ran
 * out (and whose job another runner took) can no longer change the job: it is fenced off.
 */
export async function executeJob(
  options: ExecuteOptions,
  candidate: StoredRecord<Job>,
  handler: JobHandler<never>,
): Promise<JobResult> {
  const { store, clock, owner, leaseMs } = options;
  const now = clock.now();
  const job = candidate.value;
  if (!isRunnable(job, now)) return 'skipped';

  if (isLeaseExpired(job, now) && isOutOfAttempts(job)) {
    const error = `lease expired in attempt ${job.attempts}: the runner stopped or overran its lease`;
    try {
      await store.replace(JOBS, job.id, failedWith(job, error, now), candidate.etag);
      return 'failed';
    } catch (e) {
      if (raced(e)) return 'skipped';
      throw e;
    }
  }

  let current: StoredRecord<Job>;
  try {
    current = await store.replace(JOBS, job.id, claimedBy(job, owner, now, leaseMs), candidate.etag);
  } catch (e) {
    if (raced(e)) return 'skipped'; // the normal way to lose a race with another runner
    throw e;
  }

  let writes = Promise.resolve();
  const recordReceipt = (receipt: Receipt): Promise<void> => {
    // One write at a time: each must carry the eTag of the one before.
    const write = writes.then(async () => {
      try {
        current = await store.replace(JOBS, job.id, withReceipt(current.value, receipt, clock.now()), current.etag);
      } catch (e) {
        throw raced(e) ? new ClaimLostError(job.id, { cause: e }) : e;
      }
    });
    writes = write.catch(() => undefined);
    return write;
  };

  const claimed = current.value;
  let outcome: JobOutcome;
  try {
    outcome = (await handler({
      job: claimed as Job<never>,
      attempt: claimed.attempts,
      idempotencyKey: claimed.id,
      receipt: claimed.receipt,
      leaseUntil: claimed.claim?.until ?? '',
      recordReceipt,
    })) ?? { outcome: 'done' };
  } catch (e) {
    outcome = isJobDeferred(e) ? { outcome: 'defer', afterMs: e.afterMs } : { outcome: 'retry', error: errorMessage(e) };
  }
  await writes;

  const next = settled(current.value, outcome, clock.now(), backoffMs(claimed.attempts, options.backoff, options.random));
  try {
    await store.replace(JOBS, job.id, next, current.etag);
  } catch (e) {
    if (raced(e)) return 'lost';
    throw e;
  }
  return next.state === 'done' ? 'done' : next.state === 'failed' ? 'failed' : 'retried';
}
