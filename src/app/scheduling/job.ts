/**
 * A job is one thing to do at a time, kept in the store's `jobs` list: a reminder, a vote to
 * close, a card to send. Its id is the caller's idempotency key, so scheduling twice makes one
 * job. This file holds the job's shape and its rules as pure functions; no I/O.
 */
export const JOBS = 'jobs';

export type JobState = 'pending' | 'claimed' | 'done' | 'failed' | 'cancelled';

/** Which runner holds the job, and until when; after `until` another runner may take it over. */
export interface JobClaim {
  readonly owner: string;
  readonly at: string;
  readonly until: string;
}

/**
 * What a side effect left behind, written onto the job before the handler returns (for a sent
 * message: its activity id). A later attempt that finds one knows the effect already happened.
 */
export type Receipt = Readonly<Record<string, string | number | boolean | null>>;

export interface Job<P = unknown> {
  readonly id: string;
  readonly kind: string;
  /** ISO 8601 in UTC (`toISOString`), so that string order is time order. */
  readonly dueAt: string;
  /** Must survive JSON: every store keeps values as JSON text. */
  readonly payload: P;
  readonly state: JobState;
  /** Attempts started: counted when a runner claims the job, so a crash counts too. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly claim?: JobClaim;
  /** Message only: no stack, no cause chain (they can carry request details). */
  readonly lastError?: string;
  readonly receipt?: Receipt;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the job reached done, failed or cancelled. */
  readonly finishedAt?: string;
  /**
   * The UTC day of `finishedAt` (`2026-09-03`): retention reads finished jobs one day at a
   * time, so no query of it matches more than a day's work (SharePoint's list view threshold).
   */
  readonly finishedDay?: string;
  /** When a coordinator last put it back after it failed (`prøv igjen`). */
  readonly retriedAt?: string;
}

/** What a handler tells the runner; returning nothing means done. A thrown error means retry. */
export type JobOutcome =
  | { readonly outcome: 'done' }
  | { readonly outcome: 'retry'; readonly error: string; readonly afterMs?: number }
  | { readonly outcome: 'failed'; readonly error: string }
  /** Not yet, and not a failure: back at `afterMs` from now, the attempt not counted (see job-deferred.ts). */
  | { readonly outcome: 'defer'; readonly afterMs: number };

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 30_000, maxMs: 60 * 60_000 };
export const defaultMaxAttempts = 5;
const errorLength = 500;

const iso = (d: Date): string => d.toISOString();
const plus = (d: Date, ms: number): string => new Date(d.getTime() + ms).toISOString();

export const isFinished = (job: Job): boolean =>
  job.state === 'done' || job.state === 'failed' || job.state === 'cancelled';

export const isDue = (job: Job, now: Date): boolean => job.state === 'pending' && job.dueAt <= iso(now);

/** The runner holding it stopped renewing its claim: it died, or its handler overran the lease. */
export const isLeaseExpired = (job: Job, now: Date): boolean =>
  job.state === 'claimed' && (job.claim === undefined || job.claim.until <= iso(now));

export const isRunnable = (job: Job, now: Date): boolean => isDue(job, now) || isLeaseExpired(job, now);

/** A job whose every attempt died with its runner must not take down runner after runner. */
export const isOutOfAttempts = (job: Job): boolean => job.attempts >= job.maxAttempts;

/** Normalises to UTC ISO so stored due times compare as strings; an invalid date is a bug. */
export function toDueAt(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a time: ${String(at)}`);
  return iso(date);
}

export function newJob<P>(
  spec: { id: string; kind: string; dueAt: Date | string; payload: P; maxAttempts?: number },
  now: Date,
): Job<P> {
  return {
    id: spec.id,
    kind: spec.kind,
    dueAt: toDueAt(spec.dueAt),
    payload: spec.payload,
    state: 'pending',
    attempts: 0,
    maxAttempts: Math.max(1, spec.maxAttempts ?? defaultMaxAttempts),
    createdAt: iso(now),
    updatedAt: iso(now),
  };
}

/** Without the claim, and without the finished day: a job going back to pending is not retention's. */
function unclaimed<P>(job: Job<P>): Job<P> {
  const { claim: _released, finishedDay: _reopened, ...rest } = job;
  return rest;
}

const finished = (now: Date) => ({ updatedAt: iso(now), finishedAt: iso(now), finishedDay: iso(now).slice(0, 10) });

export const claimedBy = <P>(job: Job<P>, owner: string, now: Date, leaseMs: number): Job<P> => ({
  ...job,
  state: 'claimed',
  attempts: job.attempts + 1,
  claim: { owner, at: iso(now), until: plus(now, leaseMs) },
  updatedAt: iso(now),
});

/** The heartbeat of a long handler: the same claim, held a lease longer. */
export const renewedLease = <P>(job: Job<P>, now: Date, leaseMs: number): Job<P> =>
  job.claim ? { ...job, claim: { ...job.claim, until: plus(now, leaseMs) }, updatedAt: iso(now) } : job;

export const withReceipt = <P>(job: Job<P>, receipt: Receipt, now: Date): Job<P> => ({
  ...job,
  receipt,
  updatedAt: iso(now),
});

export const completed = <P>(job: Job<P>, now: Date): Job<P> => ({
  ...unclaimed(job),
  state: 'done',
  ...finished(now),
});

export const failedWith = <P>(job: Job<P>, error: string, now: Date): Job<P> => ({
  ...unclaimed(job),
  state: 'failed',
  lastError: error.slice(0, errorLength),
  ...finished(now),
});

export const retriedAfter = <P>(job: Job<P>, error: string, now: Date, delayMs: number): Job<P> => ({
  ...unclaimed(job),
  state: 'pending',
  dueAt: plus(now, delayMs),
  lastError: error.slice(0, errorLength),
  updatedAt: iso(now),
});

export const cancelledAt = <P>(job: Job<P>, now: Date): Job<P> => ({
  ...unclaimed(job),
  state: 'cancelled',
  ...finished(now),
});

/** Back to pending at a new time; a failed job starts its attempts over (a coordinator's retry). */
export const movedTo = <P>(job: Job<P>, dueAt: string, now: Date): Job<P> => ({
  ...unclaimed(job),
  state: 'pending',
  dueAt,
  attempts: job.state === 'failed' ? 0 : job.attempts,
  updatedAt: iso(now),
});

/** A coordinator's retry of a failed job: due now, with fresh attempts and the time noted. */
export const retriedByCoordinator = <P>(job: Job<P>, now: Date): Job<P> => ({
  ...movedTo(job, iso(now), now),
  retriedAt: iso(now),
});

/**
 * Capped exponential backoff with "equal jitter": half the delay is fixed so a retry never
 * comes at once, half is random so runners that failed together do not retry together.
 */
export function backoffMs(
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Back to pending at a later time; the attempt just made is given back, as it was not a failure. */
export const deferredBy = <P>(job: Job<P>, now: Date, afterMs: number): Job<P> => ({
  ...unclaimed(job),
  state: 'pending',
  dueAt: plus(now, Math.max(0, afterMs)),
  attempts: Math.max(0, job.attempts - 1),
  updatedAt: iso(now),
});

/** What the runner writes after a handler: done, a retry later, or failed when attempts are used up. */
export function settled<P>(job: Job<P>, outcome: JobOutcome, now: Date, delayMs: number): Job<P> {
  if (outcome.outcome === 'done') return completed(job, now);
  if (outcome.outcome === 'defer') return deferredBy(job, now, outcome.afterMs);
  if (outcome.outcome === 'failed' || isOutOfAttempts(job)) return failedWith(job, outcome.error, now);
  return retriedAfter(job, outcome.error, now, outcome.afterMs ?? delayMs);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'unknown error';
}
