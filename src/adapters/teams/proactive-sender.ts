import { backoffMs } from '../../app/scheduling/job';
import type { BackoffPolicy } from '../../app/scheduling/job';
import { SlidingWindows } from '../../app/scheduling/sliding-windows';
import type { Clock } from '../../ports/clock';
import type { Timer } from '../../ports/timer';
import { ARRIVAL_GUARD_MS, teamsLimitKeys } from './teams-rate-limits';

export interface ProactiveTarget {
  readonly conversationId: string;
  /** The conversation's tenant: the 50 per second limit is per app and tenant. */
  readonly tenantId?: string;
}

/** What came of one proactive request: Teams accepted it, or refused it for good (403). */
export type Paced<T> = { readonly sent: T } | { readonly forbidden: string };

export interface ProactiveSenderOptions {
  /** Real time, not the app's clock: Teams counts in real seconds (tests give a fake one). */
  readonly clock: Clock;
  readonly timer: Timer;
  readonly random?: () => number;
  /** Retries here for 412, 502, 503 and 504 before the failure goes to the caller (the job's own retry). */
  readonly maxRetries?: number;
  readonly backoff?: BackoffPolicy;
  /** 429s taken for one request before it goes back to the caller. */
  readonly maxThrottled?: number;
  /** When a 429 carries no Retry-After. */
  readonly defaultRetryAfterMs?: number;
  readonly guardMs?: number;
}

/** The request would still be waiting at the caller's deadline (its job lease): try again later. */
export class DeliveryDeferred extends Error {
  constructor(readonly waitMs: number) {
    super(`Teams rate limit: the message would wait ${Math.ceil(waitMs / 1000)} s, past the job's lease`);
    this.name = 'DeliveryDeferred';
  }
}

const TRANSIENT = new Set([412, 502, 503, 504]);

/** The HTTP status of a failed connector call, as the Bot Framework SDK reports it. */
export function connectorStatus(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; response?: { status?: unknown } } | undefined;
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Retry-After in ms (seconds or an HTTP date), when the failed call carried one. */
export function retryAfterMs(error: unknown, now: number): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (n: string) => unknown } & Record<string, unknown> } })?.response?.headers;
  const raw = headers?.get?.('retry-after') ?? headers?.['retry-after'];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(String(raw));
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The one gate every proactive request to Teams goes through (outbox sends and card updates):
 * it waits for the earliest moment Teams' windows allow (never refuses), honours Retry-After
 * on a 429 by holding back the conversation (or the whole tenant, see `throttled`), retries
 * 412/502/503/504 with capped, jittered backoff, and reports a 403 as `forbidden` at once,
 * never retried. One instance per process: the windows are this process's own count.
 */
export class ProactiveSender {
  private readonly windows = new SlidingWindows();
  private readonly random: () => number;
  private lastHold?: { readonly conversationId: string; readonly until: number };
  /** Requests made, 429s received and transient failures retried: for logs and the bench. */
  readonly counts = { requests: 0, throttled: 0, retried: 0 };

  constructor(private readonly options: ProactiveSenderOptions) {
    this.random = options.random ?? Math.random;
  }

  /**
   * Runs `request` at an allowed moment; throws when it failed otherwise, or when it would
   * still be waiting `waitAtMostMs` from now (a job's remaining lease).
   */
  async run<T>(target: ProactiveTarget, request: () => Promise<T>, waitAtMostMs = Number.POSITIVE_INFINITY): Promise<Paced<T>> {
    const giveUpAt = this.now() + waitAtMostMs;
    const keys = teamsLimitKeys(target.conversationId, target.tenantId, this.options.guardMs ?? ARRIVAL_GUARD_MS);
    let retries = 0;
    let throttled = 0;
    for (;;) {
      let at = this.book(keys, this.now(), giveUpAt);
      // Woken at the booked moment: check again, as bookings before it may have moved later since.
      while (at > this.now()) {
        await this.sleep(at - this.now());
        this.windows.release(keys, at);
        at = this.book(keys, this.now(), giveUpAt);
      }
      try {
        this.counts.requests++;
        const sent = await request();
        this.settle(keys, at);
        return { sent };
      } catch (error) {
        this.settle(keys, at);
        const status = connectorStatus(error);
        if (status === 403) return { forbidden: 'blocked or uninstalled (403)' };
        if (status === 429 && ++throttled <= (this.options.maxThrottled ?? 5)) {
          this.counts.throttled++;
          const wait = retryAfterMs(error, this.now()) ?? this.options.defaultRetryAfterMs ?? 1_000;
          this.throttled(keys, target.conversationId, this.now() + wait);
          continue;
        }
        if (status !== undefined && TRANSIENT.has(status) && ++retries <= (this.options.maxRetries ?? 4)) {
          this.counts.retried++;
          const wait = backoffMs(retries, this.options.backoff ?? { baseMs: 500, maxMs: 8_000 }, this.random);
          if (this.now() + wait > giveUpAt) throw error;
          await this.sleep(wait);
          continue;
        }
        throw error;
      }
    }
  }

  /** Books the earliest allowed moment, or gives up when that is past the deadline. */
  private book(keys: ReturnType<typeof teamsLimitKeys>, now: number, giveUpAt: number): number {
    const at = this.windows.reserve(keys, now);
    if (at > giveUpAt) {
      this.windows.release(keys, at);
      throw new DeliveryDeferred(at - now);
    }
    return at;
  }

  /**
   * Teams counts a request when it arrives, which is some time after we let it go (the SDK, the
   * network, a busy event loop): the booking moves to when the answer came, which is never
   * before the arrival, so the next request waits a full window after the arrival.
   */
  private settle(keys: ReturnType<typeof teamsLimitKeys>, at: number): void {
    this.windows.move(keys, at, Math.max(at, this.now()));
  }

  /**
   * Teams does not say which limit a 429 was for. We keep under the conversation's limits
   * ourselves, so a 429 usually means others share the budget (another instance of the app,
   * another bot in the chat). One 429 holds back its conversation; a 429 for a second
   * conversation while the first is held means the tenant's budget: hold back the whole app.
   */
  private throttled(keys: ReturnType<typeof teamsLimitKeys>, conversationId: string, until: number): void {
    const [conversation, tenant] = keys;
    this.windows.holdBack(conversation!.key, until);
    const last = this.lastHold;
    if (last && last.conversationId !== conversationId && last.until > this.now()) this.windows.holdBack(tenant!.key, until);
    this.lastHold = { conversationId, until };
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.options.timer.after(ms, resolve));
  }
}
