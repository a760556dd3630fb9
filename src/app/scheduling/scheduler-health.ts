import type { Logger } from '../../ports/logger';
import type { Clock } from '../../ports/clock';
import type { PassObserver } from './job-runner';
import { errorMessage } from './job';

/** What `/healthz` shows of the scheduler: short, for an operator, no stack or addresses. */
export type SchedulerReadiness =
  | { readonly ready: true }
  | { readonly ready: false; readonly reason: string; readonly since: string; readonly failedPasses: number };

/** An incident's start or end, for whoever must be told (the coordinators). */
export interface SchedulerIncident {
  readonly phase: 'started' | 'ended';
  /** When the first failed pass of the incident ran (UTC ISO). */
  readonly since: string;
  /** When this phase was reached (UTC ISO). */
  readonly at: string;
}

export interface SchedulerHealthOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Failed passes in a row that make an incident; one or two are a blip (default 3: 10–15 s at a 5 s poll). */
  readonly failuresBeforeIncident?: number;
  /** Best effort, once per phase; its failure is logged, not retried. */
  readonly tell?: (incident: SchedulerIncident) => Promise<void>;
}

/** Store error codes are ours and safe to show; anything else could carry a request's details. */
const safeCode = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$/.test(code) ? code : undefined;
};

/**
 * Watches the runner's passes. An incident starts when `failuresBeforeIncident` passes in a
 * row could not run and ends at the first pass that did: it is logged once at each end (not
 * once per pass), `/healthz` reports not ready in between, and `tell` is called once at each end.
 */
export class SchedulerHealth implements PassObserver {
  private readonly threshold: number;
  private failures = 0;
  private firstFailureAt: string | undefined;
  private lastCode: string | undefined;
  private inIncident = false;
  private telling: Promise<void> = Promise.resolve();

  constructor(private readonly options: SchedulerHealthOptions) {
    this.threshold = Math.max(1, options.failuresBeforeIncident ?? 3);
  }

  failed(error: unknown): void {
    const now = this.options.clock.now().toISOString();
    this.failures++;
    this.firstFailureAt ??= now;
    this.lastCode = safeCode(error);
    // A blip is not news at info level; the incident is logged once below.
    if (this.failures === 1) this.options.logger.debug('scheduler.pass-failed', { error: errorMessage(error) });
    if (this.inIncident || this.failures < this.threshold) return;
    this.inIncident = true;
    this.options.logger.error('scheduler.unavailable', {
      since: this.firstFailureAt,
      failedPasses: this.failures,
      error: errorMessage(error),
    });
    this.tell({ phase: 'started', since: this.firstFailureAt, at: now });
  }

  passed(): void {
    const since = this.firstFailureAt;
    const failures = this.failures;
    this.failures = 0;
    this.firstFailureAt = undefined;
    if (!this.inIncident || since === undefined) return;
    this.inIncident = false;
    const now = this.options.clock.now().toISOString();
    this.options.logger.info('scheduler.recovered', { since, failedPasses: failures });
    this.tell({ phase: 'ended', since, at: now });
  }

  readiness(): SchedulerReadiness {
    if (!this.inIncident) return { ready: true };
    const code = this.lastCode ? ` (${this.lastCode})` : '';
    return {
      ready: false,
      reason: `the scheduler cannot read its jobs from the store${code}; reminders, cards and messages are not going out`,
      since: this.firstFailureAt ?? '',
      failedPasses: this.failures,
    };
  }

  /** Resolves when the messages about incidents so far have been tried (for tests and shutdown). */
  settled(): Promise<void> {
    return this.telling;
  }

  /** One phase at a time, in order, so "over" never arrives before "started". */
  private tell(incident: SchedulerIncident): void {
    const { tell, logger } = this.options;
    if (!tell) return;
    this.telling = this.telling.then(() =>
      tell(incident).catch((e: unknown) =>
        logger.warn('scheduler.incident-not-told', { phase: incident.phase, error: errorMessage(e) }),
      ),
    );
  }
}
