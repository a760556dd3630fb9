import type { Clock } from '../../ports/clock';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isPermanentStoreError, isStoreError } from '../../ports/record-store';
import type { Timer } from '../../ports/timer';
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
  renewedLease,
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
  /**
   * The handler must finish before this (ISO). With a heartbeat it is the attempt's deadline
   * (the lease is renewed until then); without one, the end of the lease. After it another
   * runner may take the job.
   */
  readonly leaseUntil: string;
  /**
   * Writes the receipt onto the job before returning. Call it the moment the side effect is
   * known to have happened. Throws `JOB.CLAIM_LOST` when the job is no longer ours.
   */
  readonly recordReceipt: (receipt: Receipt) => Promise<void>; // a function, not a method: handlers destructure it
}

/** Return nothing (or `done`) when finished; throw or return `retry` to try later; `failed` to give up. */
export type JobHandler<P = unknown> = (context: JobContext<P>) => Promise<JobOutcome | void>;

export type JobResult = 'done' | 'retried' | 'failed' | 'skipped' | 'lost';

export class ClaimLostError extends Error {
  readonly code = 'JOB.CLAIM_LOST';
  constructor(
    readonly jobId: string,
    options?: { cause?: unknown },
  ) {
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
  /**
   * With a timer the claim is renewed every third of `leaseMs` while the handler runs, so a
   * short lease (a quick takeover after a crash) does not hand a live job to a second runner.
   */
  readonly timer?: Timer;
  /** How long one attempt may hold its job by renewing; a hung handler then lets the lease lapse. */
  readonly maxRunMs?: number;
}

/** Another writer got there first: a runner's claim, a cancel, a reschedule, or a removal. */
const raced = (e: unknown): boolean =>
  isStoreError(e, 'STORE.PRECONDITION_FAILED') || isStoreError(e, 'STORE.NOT_FOUND');

/**
 * Claims one job with an eTag-guarded write, runs its handler and settles it. Every write
 * after the claim is guarded by the eTag of our own last write, so a runner whose lease ran
 * out (and whose job another runner took) can no longer change the job: it is fenced off.
 */
export async function executeJob(
  options: ExecuteOptions,
  candidate: StoredRecord<Job>,
  handler: JobHandler,
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
  const runUntil = now.getTime() + Math.max(leaseMs, options.maxRunMs ?? leaseMs);
  const renew = (): Promise<void> => {
    const write = writes.then(async () => {
      current = await store.replace(JOBS, job.id, renewedLease(current.value, clock.now(), leaseMs), current.etag);
    });
    writes = write.catch(() => undefined);
    return write;
  };
  const stopHeartbeat = options.timer
    ? heartbeat(options.timer, Math.max(1, Math.floor(leaseMs / 3)), runUntil, clock, renew)
    : () => {};
  let outcome: JobOutcome;
  try {
    outcome = (await handler({
      job: claimed,
      attempt: claimed.attempts,
      idempotencyKey: claimed.id,
      receipt: claimed.receipt,
      leaseUntil: options.timer ? new Date(runUntil).toISOString() : (claimed.claim?.until ?? ''),
      recordReceipt,
    })) ?? { outcome: 'done' };
  } catch (e) {
    // What no retry can mend (a record too large for the store, a query it refuses) fails at once, with the store's reason;
    // a job told to come back later (a conversation's window is full) is put back without using an attempt.
    if (isJobDeferred(e)) outcome = { outcome: 'defer', afterMs: e.afterMs };
    else if (isPermanentStoreError(e))
      outcome = { outcome: 'failed', error: `${errorMessage(e)}: ${errorMessage((e as Error).cause)}` };
    else outcome = { outcome: 'retry', error: errorMessage(e) };
  }
  stopHeartbeat();
  await writes;

  const next = settled(
    current.value,
    outcome,
    clock.now(),
    backoffMs(claimed.attempts, options.backoff, options.random),
  );
  try {
    await store.replace(JOBS, job.id, next, current.etag);
  } catch (e) {
    if (raced(e)) return 'lost';
    throw e;
  }
  return next.state === 'done' ? 'done' : next.state === 'failed' ? 'failed' : 'retried';
}

/**
 * Renews the claim every `everyMs` until `runUntil`. A renewal that loses a race means the job
 * is no longer ours (cancelled, or taken over): stop, and the attempt's next write is fenced
 * off. A renewal the store refuses for another reason is tried again at the next beat.
 */
function heartbeat(
  timer: Timer,
  everyMs: number,
  runUntil: number,
  clock: Clock,
  renew: () => Promise<void>,
): () => void {
  let stopped = false;
  let cancel = (): void => {};
  const beat = (): void => {
    cancel = timer.after(everyMs, () => {
      if (stopped || clock.now().getTime() >= runUntil) return;
      void renew().then(
        () => !stopped && beat(),
        (e: unknown) => !stopped && !raced(e) && beat(),
      );
    });
  };
  beat();
  return () => {
    stopped = true;
    cancel();
  };
}
