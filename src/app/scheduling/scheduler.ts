import type { DomainError, Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError, upsert } from '../../ports/record-store';
import type { Job, JobState } from './job';
import { JOBS, cancelledAt, movedTo, newJob, retriedByCoordinator, toDueAt } from './job';

export interface JobSpec<P = unknown> {
  /** The caller's idempotency key, e.g. `reminder:hearing-7:3301:2026-11-20`. */
  readonly id: string;
  readonly kind: string;
  readonly dueAt: Date | string;
  readonly payload: P;
  readonly maxAttempts?: number;
}

export interface Scheduled<P> {
  readonly job: Job<P>;
  /** False when a job with this id was already there; that job is returned unchanged. */
  readonly created: boolean;
}

/** Parallel creates for a fan-out: enough to hide store latency, few enough not to be throttled. */
const fanOutParallel = 16;

/**
 * The use cases' side of the scheduler: put jobs in, move or cancel them, and see them.
 * Running them is the JobRunner's part; the two meet only in the store.
 */
export class JobScheduler {
  private readonly listeners: ((dueAt: string) => void)[] = [];

  constructor(
    private readonly store: RecordStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Told the due time of every job this scheduler creates, so that this process's runner can
   * poll for it then rather than at its next interval (a card update due in 2 s, not 5).
   */
  onScheduled(listener: (dueAt: string) => void): void {
    this.listeners.push(listener);
  }

  /** Idempotent: a second schedule with the same id returns the first job and changes nothing. */
  async schedule<P>(spec: JobSpec<P>): Promise<Scheduled<P>> {
    const job = newJob(spec, this.clock.now());
    try {
      const created = (await this.store.create<Job<P>>(JOBS, spec.id, job)).value;
      for (const listener of this.listeners) listener(created.dueAt);
      return { job: created, created: true };
    } catch (e) {
      if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
      const existing = await this.store.get<Job<P>>(JOBS, spec.id);
      // Removed between our create and get: rare enough to report rather than loop.
      if (!existing) throw e;
      return { job: existing.value, created: false };
    }
  }

  /**
   * A fan-out (one card per municipality): one create per job and no read unless the id
   * exists, a bounded number at a time. Running it again after a crash adds only the missing.
   */
  async scheduleMany<P>(
    specs: readonly JobSpec<P>[],
    parallel = fanOutParallel,
  ): Promise<{ created: number; existing: number }> {
    const now = this.clock.now();
    const jobs = specs.map((s) => newJob(s, now)); // validates every due time before writing any
    let created = 0;
    let existing = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < jobs.length; i = next++) {
        const job = jobs[i]!;
        try {
          await this.store.create(JOBS, job.id, job);
          created++;
        } catch (e) {
          if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
          existing++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, worker));
    return { created, existing };
  }

  /**
   * Moves a pending job, or puts a failed one back with its attempts reset. Refused while a
   * runner holds it (it may be mid-send) and once it is done or cancelled.
   */
  async reschedule<P = unknown>(id: string, dueAt: Date | string): Promise<Result<Job<P>>> {
    const at = toDueAt(dueAt);
    return this.change<P>(id, (job, now): Job<P> | DomainError => {
      if (job.state === 'claimed') return { code: 'JOB.RUNNING', params: { id } };
      if (job.state === 'done' || job.state === 'cancelled')
        return { code: 'JOB.FINISHED', params: { id, state: job.state } };
      return movedTo(job, at, now);
    });
  }

  /**
   * A coordinator's retry: a failed job is due now with fresh attempts. Idempotent: a job
   * already back in the queue (pending or running) is left as it is and returned, so that a
   * second `prøv igjen` does not move it again; a done or cancelled job is refused.
   */
  async retry<P = unknown>(id: string): Promise<Result<Job<P>>> {
    return this.change<P>(id, (job, now): Job<P> | DomainError => {
      if (job.state === 'failed') return retriedByCoordinator(job, now);
      if (job.state === 'pending' || job.state === 'claimed') return job;
      return { code: 'JOB.FINISHED', params: { id, state: job.state } };
    });
  }

  /**
   * Stops a job from running or retrying. Cancelling a claimed job is allowed: the runner's
   * guarded write then fails and it leaves the job cancelled, but what the handler already
   * did (a message sent) stays done. Cancelling twice is not an error.
   */
  async cancel<P = unknown>(id: string): Promise<Result<Job<P>>> {
    return this.change<P>(id, (job, now): Job<P> | DomainError => {
      if (job.state === 'cancelled') return job;
      if (job.state === 'done') return { code: 'JOB.FINISHED', params: { id, state: job.state } };
      return cancelledAt(job, now);
    });
  }

  async get<P = unknown>(id: string): Promise<Job<P> | undefined> {
    return (await this.store.get<Job<P>>(JOBS, id))?.value;
  }

  /** For the coordinator's view, e.g. `{ state: 'failed' }`: the store filters by equality only. */
  async list<P = unknown>(where: { state?: JobState; kind?: string } = {}): Promise<Job<P>[]> {
    const filter: Record<string, string> = {};
    if (where.state) filter.state = where.state;
    if (where.kind) filter.kind = where.kind;
    const records = await this.store.find<Job<P>>(JOBS, filter);
    return records.map((r) => r.value).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  }

  /** Read-modify-write under the eTag; `rule` returns the new job, the same job, or a refusal. */
  private async change<P>(id: string, rule: (job: Job<P>, now: Date) => Job<P> | DomainError): Promise<Result<Job<P>>> {
    let refusal: DomainError | undefined;
    // Set by the write's callback: kept on an object, since narrowing does not see a callback's assignments.
    const outcome = { missing: false };
    const record = await upsert<Job<P>>(this.store, JOBS, id, (current) => {
      refusal = undefined;
      outcome.missing = current === undefined;
      if (!current) return undefined;
      const next = rule(current, this.clock.now());
      if (!('state' in next)) {
        refusal = next;
        return undefined;
      }
      return next === current ? undefined : next;
    });
    if (outcome.missing || !record) return fail('JOB.NOT_FOUND', { id });
    if (refusal) return { ok: false, error: refusal };
    return ok(record.value);
  }
}
