import { GraphClientError } from '@microsoft/microsoft-graph-client';

/**
 * How long to wait when Graph or SharePoint says "too many requests", and when to give up.
 * Time and sleeping come in as functions so tests run without real waiting.
 */
export interface ThrottlePolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** The most we wait in all for one request before giving up. */
  readonly maxTotalWaitMs: number;
  /**
   * The first wait when a throttled reply carries no Retry-After (Graph sometimes sends none);
   * each further one without it doubles, up to `maxFallbackWaitMs`.
   */
  readonly fallbackWaitMs: number;
  /** The longest single wait of our own choosing; 30 s unless set. */
  readonly maxFallbackWaitMs?: number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Told of every wait, to log it: the request (method and path, never headers) and why. */
  readonly onWait?: (event: {
    readonly request: string;
    readonly status: number;
    readonly waitMs: number;
    readonly attempt: number;
  }) => void;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const defaultThrottlePolicy: ThrottlePolicy = {
  maxAttempts: 6,
  maxTotalWaitMs: 120_000,
  fallbackWaitMs: 2_000,
  now: () => Date.now(),
  sleep: realSleep,
};

/** Statuses that mean "later": throttled, or the service briefly unavailable. */
export const isRetryableStatus = (status: number): boolean => status === 429 || status === 503 || status === 504;

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null | undefined, now: number, fallbackMs: number): number {
  if (header === null || header === undefined || header.trim() === '') return fallbackMs;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return fallbackMs;
  return Math.max(0, at - now);
}

/**
 * After the cap: the caller learns plainly that Graph kept throttling, and for how long.
 * A GraphClientError, because the SDK passes those through its error handler unchanged.
 */
export class GraphThrottledError extends GraphClientError {
  readonly code = 'GRAPH.THROTTLED';
  constructor(
    readonly request: string,
    readonly attempts: number,
    readonly waitedMs: number,
    readonly lastStatus: number,
  ) {
    super(
      `GRAPH.THROTTLED ${request}: Microsoft Graph answered ${lastStatus} to ${attempts} attempts ` +
        `over ${Math.round(waitedMs / 1000)} s of waiting; giving up (raise the cap or retry later)`,
    );
    // GraphClientError sets its own prototype (ES5 output); put ours back.
    Object.setPrototypeOf(this, GraphThrottledError.prototype);
    this.name = 'GraphThrottledError';
  }
}

/** Tracks one request's attempts and waiting against the policy. */
export class RetryBudget {
  private attempts = 1;
  private waited = 0;

  constructor(private readonly policy: ThrottlePolicy) {}

  /**
   * Waits before the next attempt, or throws the clear error when the cap is reached. Without a
   * readable Retry-After the wait is ours: exponential from `fallbackWaitMs`, bounded, so a
   * service that keeps refusing is not asked again at a steady beat.
   */
  async waitOrGiveUp(request: string, status: number, retryAfter: string | null | undefined): Promise<void> {
    const asked = retryAfterMs(retryAfter, this.policy.now(), Number.NaN);
    const own = Math.min(
      this.policy.fallbackWaitMs * 2 ** (this.attempts - 1),
      this.policy.maxFallbackWaitMs ?? 30_000,
    );
    const wait = Number.isNaN(asked) ? own : asked;
    if (this.attempts >= this.policy.maxAttempts || this.waited + wait > this.policy.maxTotalWaitMs)
      throw new GraphThrottledError(request, this.attempts, this.waited, status);
    this.policy.onWait?.({ request, status, waitMs: wait, attempt: this.attempts });
    this.attempts++;
    this.waited += wait;
    await this.policy.sleep(wait);
  }
}
