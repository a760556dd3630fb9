import type { Logger } from '../../ports/logger';
import { silentLogger } from '../../ports/logger';
import type { Clock } from '../../ports/clock';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import type { Timer } from '../../ports/timer';
import type { JobResult } from './execute-job';
import type { JobRegistry } from './job-registry';
import { executeJob } from './execute-job';
import type { BackoffPolicy, Job } from './job';
import { JOBS, defaultBackoff, errorMessage, isRunnable } from './job';

export interface JobRunnerOptions {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly timer: Timer;
  /** Unique per process (e.g. instance name + pid + random): it is written into each claim. */
  readonly owner: string;
  /** The routing table (see job-registry.ts): a runner claims only the kinds it can handle. */
  readonly handlers: JobRegistry;
  readonly concurrency?: number;
  /** A takeover after a crash waits this long (plus a poll); renewed while a handler runs. */
  readonly leaseMs?: number;
  /** How long one attempt may keep renewing its lease; a handler must finish within it. */
  readonly maxRunMs?: number;
  readonly pollMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  readonly logger?: Logger;
  /** Told how each poll went; it then owns the logging of failed passes (once per incident). */
  readonly health?: PassObserver;
}

/** Sees every poll: a pass that could not run (the store refused its query) or one that did. */
export interface PassObserver {
  passed(): void;
  failed(error: unknown): void;
}

/** Defaults: a crashed process's jobs are taken over within lease + one poll, 25 s. */
export const DEFAULT_LEASE_MS = 20_000;
export const DEFAULT_MAX_RUN_MS = 2 * 60_000;

export type PassSummary = Readonly<Record<JobResult | 'error', number>>;

const emptySummary = (): Record<JobResult | 'error', number> => ({
  done: 0,
  retried: 0,
  failed: 0,
  skipped: 0,
  lost: 0,
  error: 0,
});

/**
 * One per process. Each pass reads the due jobs, claims them one by one (an eTag-guarded
 * write: of several runners exactly one wins, the others skip the job) and runs at most
 * `concurrency` handlers at once. `start()` polls on the Timer port; `stop()` waits for
 * the handlers in flight so a deploy does not leave claims to expire.
 */
export class JobRunner {
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly maxRunMs: number;
  private readonly pollMs: number;
  private readonly random: () => number;
  private readonly logger: Logger;
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private stopping = false;
  private woken = false;
  private cancelPoll: (() => void) | undefined;
  /** When the armed poll fires (real ms of the app's clock), to know whether a sooner one is needed. */
  private armedFor = Number.POSITIVE_INFINITY;
  private pass: Promise<unknown> | undefined;
  private lastJobError: unknown;
  /** The earliest due time among pending jobs not yet due at the last pass (e.g. a deferred message). */
  private nextDueAt: string | undefined;

  constructor(private readonly options: JobRunnerOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.maxRunMs = options.maxRunMs ?? DEFAULT_MAX_RUN_MS;
    this.pollMs = options.pollMs ?? 5_000;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? silentLogger;
  }

  /** One pass over the jobs due at `now`; resolves when every job it claimed is settled. */
  async runDue(now: Date = this.options.clock.now()): Promise<PassSummary> {
    const summary = emptySummary();
    const started: Promise<void>[] = [];
    for (const candidate of await this.candidates(now)) {
      while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
      if (this.stopping) break; // stop() was called: leave the rest to the next process
      const run: Promise<void> = this.execute(candidate)
        .then((result) => {
          summary[result]++;
        })
        .finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
      started.push(run);
    }
    await Promise.all(started);
    return summary;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.arm(0);
  }

  /** Polls now instead of at the next interval, e.g. right after a fan-out was scheduled. */
  wake(): void {
    if (!this.running) return;
    if (!this.cancelPoll) {
      this.woken = true; // a pass is running: poll again as soon as it ends
      return;
    }
    this.cancelPoll();
    this.arm(0);
  }

  /**
   * A job was just scheduled for `dueAt`: poll then if that is sooner than the poll already
   * armed (a coalesced card update due in 2 s must not wait for a 5 s interval).
   */
  expect(dueAt: string): void {
    const at = Date.parse(dueAt);
    if (!this.nextDueAt || dueAt < this.nextDueAt) this.nextDueAt = dueAt;
    if (!this.running || !this.cancelPoll || at >= this.armedFor) return;
    this.cancelPoll();
    this.arm(Math.max(0, at - this.options.clock.now().getTime()));
  }

  /** Stops polling and claiming, then waits for the handlers already running. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.cancelPoll?.();
    this.cancelPoll = undefined;
    await this.pass;
    await Promise.all(this.inFlight);
  }

  private arm(ms: number): void {
    this.armedFor = this.options.clock.now().getTime() + ms;
    this.cancelPoll = this.options.timer.after(ms, () => {
      this.cancelPoll = undefined;
      this.armedFor = Number.POSITIVE_INFINITY;
      this.pass = this.poll();
    });
  }

  private async poll(): Promise<void> {
    let worked = false;
    try {
      const summary = await this.runDue();
      if (summary.done + summary.retried + summary.failed + summary.lost + summary.error > 0)
        this.logger.info('scheduler.pass', { owner: this.options.owner, ...summary });
      // A finished job often schedules the next (a distribution its cards): look again at once.
      worked = summary.done > 0;
      // Every claim refused by the store is a pass that could not run either.
      if (summary.error > 0 && summary.done + summary.retried + summary.failed + summary.lost === 0)
        this.options.health?.failed(this.lastJobError);
      else this.options.health?.passed();
    } catch (e) {
      // The store was unreachable: try again at the next poll. The observer, if any, logs it once per incident.
      if (this.options.health) this.options.health.failed(e);
      else this.logger.error('scheduler.pass-failed', { owner: this.options.owner, error: errorMessage(e) });
    }
    const soon = this.woken || worked;
    this.woken = false;
    if (this.running) this.arm(soon ? 0 : this.untilNextPoll());
  }

  /** The interval, or less when a job falls due sooner: a message deferred for 2 s goes in 2 s, not 5. */
  private untilNextPoll(): number {
    const next = this.nextDueAt
      ? Date.parse(this.nextDueAt) - this.options.clock.now().getTime()
      : Number.POSITIVE_INFINITY;
    return Math.max(0, Math.min(this.pollMs, next));
  }

  /**
   * Due pending jobs and claimed jobs whose lease ran out, of the kinds this runner handles.
   * The store filters by equality only, so due time and lease are checked here. Each runner
   * starts at a random place in the list, so runners sharing a store mostly claim different jobs.
   */
  private async candidates(now: Date): Promise<StoredRecord<Job>[]> {
    const { store, handlers } = this.options;
    const [pending, claimed] = await Promise.all([
      store.find<Job>(JOBS, { state: 'pending' }),
      store.find<Job>(JOBS, { state: 'claimed' }),
    ]);
    const handled = pending
      .filter((r) => Object.hasOwn(handlers, r.value.kind) && !isRunnable(r.value, now))
      .map((r) => r.value.dueAt);
    this.nextDueAt = handled.length > 0 ? handled.reduce((a, b) => (a < b ? a : b)) : undefined;
    const due = [...pending, ...claimed]
      .filter((r) => isRunnable(r.value, now) && Object.hasOwn(handlers, r.value.kind))
      .sort((a, b) => a.value.dueAt.localeCompare(b.value.dueAt) || a.id.localeCompare(b.id));
    const start = Math.floor(this.random() * due.length);
    return [...due.slice(start), ...due.slice(0, start)];
  }

  private async execute(candidate: StoredRecord<Job>): Promise<JobResult | 'error'> {
    const { store, clock, owner, handlers, backoff = defaultBackoff } = this.options;
    const definition = handlers[candidate.value.kind]!;
    try {
      const result = await executeJob(
        {
          store,
          clock,
          owner,
          leaseMs: this.leaseMs,
          maxRunMs: this.maxRunMs,
          timer: this.options.timer,
          backoff,
          random: this.random,
        },
        candidate,
        (context) => definition.run(context, this.logger),
      );
      if (result === 'lost') this.logger.warn('scheduler.claim-lost', { owner, jobId: candidate.id });
      if (result === 'failed') this.logger.warn('scheduler.job-failed', { owner, jobId: candidate.id });
      return result;
    } catch (e) {
      this.lastJobError = e;
      this.logger.error('scheduler.job-error', { owner, jobId: candidate.id, error: errorMessage(e) });
      return 'error';
    }
  }
}
