import { backoffMs } from '../../app/scheduling/job';
import type { BackoffPolicy } from '../../app/scheduling/job';
import { JobDeferred } from '../../app/scheduling/job-deferred';
import { SlidingWindows } from '../../app/scheduling/sliding-windows';
import type { RateWindows } from '../../app/scheduling/shared-windows';
import type { Clock } from '../../ports/clock';
import type { Timer } from '../../ports/timer';
import type { Refused } from './connector-refusals';
import { connectorStatus, refusalOf, retryAfterMs } from './connector-refusals';
import { ARRIVAL_GUARD_MS, teamsLimitKeys } from './teams-rate-limits';

export { connectorStatus, retryAfterMs };
export type { Refused };

export interface ProactiveTarget {
  readonly conversationId: string;
  /** The conversation's tenant: the per-second limit is per app and tenant. */
  readonly tenantId?: string;
}

/** What came of one proactive request: Teams accepted it, or refused it for good (403, 404, 413). */
export type Paced<T> = { readonly sent: T } | { readonly refused: Refused };

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
  /** The wait after a 429 that carries no Retry-After: capped, jittered, growing with each such 429. */
  readonly throttleBackoff?: BackoffPolicy;
  readonly guardMs?: number;
  /** Requests per second per app and tenant (`SAMRAD_TEAMS_TENANT_RATE`); Teams' documented 30 by default. */
  readonly tenantPerSecond?: number;
  /**
   * Windows shared with the other instances (Table Storage), when several run: every booking
   * then goes through them, so together they keep to one budget. Without, this process's own.
   */
  readonly shared?: RateWindows;
}

export interface RunOptions {
  /** Give up (DeliveryDeferred) rather than still be waiting this long from now (a job's remaining lease). */
  readonly waitAtMostMs?: number;
  /**
   * The job's id, when the caller can come back later: then a request that would wait behind
   * another one already waiting for its conversation is deferred instead (DeliveryDeferred),
   * keeping its place in the windows under this key, so a burst to one conversation holds at
   * most one of the job runner's slots.
   */
  readonly deferKey?: string;
}

/** The request cannot go yet; come back in `waitMs` (its place in the windows is kept for it). */
export class DeliveryDeferred extends JobDeferred {
  constructor(
    readonly waitMs: number,
    afterMs = waitMs,
  ) {
    super(afterMs, `Teams rate limit: the message would wait ${Math.ceil(waitMs / 1000)} s; it comes back later`);
    this.name = 'DeliveryDeferred';
  }
}

const TRANSIENT = new Set([412, 502, 503, 504]);
/** Bounds of the lead of a shared booking, and how late its write may land and still be kept. */
const MIN_LEAD_MS = 50;
const MAX_LEAD_MS = 2_000;
const LATE_MS = 5;
/** How often a shared booking is made again because it could not leave at its moment. */
const MAX_LATE_REBOOKINGS = 5;
/** A deferred request comes back this much before its place, to be the one that waits for it. */
const DEFER_LEAD_MS = 1_000;

type Keys = ReturnType<typeof teamsLimitKeys>;

/**
 * The one gate every proactive request to Teams goes through (outbox sends and card updates):
 * it waits for the earliest moment Teams' windows allow (never refuses), honours Retry-After
 * on a 429 by holding back the conversation (or the whole tenant, see `throttled`) and backs
 * off by itself on a 429 without one, retries 412/502/503/504 with capped, jittered backoff,
 * and reports a refusal for good (403, 404, 413) as `refused` at once, never retried. One
 * instance per process: the windows are this process's own count, or, with `shared`, the
 * count of every instance together.
 */
export class ProactiveSender {
  private readonly windows = new SlidingWindows();
  private readonly random: () => number;
  private lastHold?: { readonly conversationId: string; readonly until: number };
  /** Requests waiting for their moment, per conversation: one is enough to hold its place. */
  private readonly waiting = new Map<string, number>();
  /**
   * Places in line for deferred requests, by their key, until they come back: kept in windows
   * of their own, so that they spread the returns at Teams' pace without blocking a request
   * that is here now (the real windows hold only requests made or waiting).
   */
  private readonly queued = new SlidingWindows();
  /** How far ahead a shared booking is made: about two of the store's recent round trips. */
  private leadMs = MIN_LEAD_MS;
  private readonly kept = new Map<string, { readonly keys: Keys; readonly at: number }>();
  /** Requests made, 429s received, transient failures retried and requests deferred: for logs and the bench. */
  readonly counts = { requests: 0, throttled: 0, retried: 0, deferred: 0 };

  constructor(private readonly options: ProactiveSenderOptions) {
    this.random = options.random ?? Math.random;
  }

  /**
   * Runs `request` at an allowed moment; throws when it failed otherwise, or (DeliveryDeferred)
   * when it should come back later: see `RunOptions`.
   */
  async run<T>(target: ProactiveTarget, request: () => Promise<T>, options: RunOptions = {}): Promise<Paced<T>> {
    const giveUpAt = this.now() + (options.waitAtMostMs ?? Number.POSITIVE_INFINITY);
    const { guardMs = ARRIVAL_GUARD_MS, tenantPerSecond } = this.options;
    const keys = teamsLimitKeys(target.conversationId, target.tenantId, guardMs, tenantPerSecond);
    if (options.deferKey !== undefined) this.giveBack(options.deferKey);
    let retries = 0;
    let throttled = 0;
    for (;;) {
      const at = await this.waitForTurn(keys, target.conversationId, giveUpAt, options.deferKey);
      try {
        this.counts.requests++;
        const sent = await request();
        await this.settle(keys, at);
        return { sent };
      } catch (error) {
        await this.settle(keys, at);
        const refused = refusalOf(error);
        if (refused) return { refused };
        const status = connectorStatus(error);
        if (status === 429 && ++throttled <= (this.options.maxThrottled ?? 5)) {
          this.counts.throttled++;
          const wait =
            retryAfterMs(error, this.now()) ??
            backoffMs(throttled, this.options.throttleBackoff ?? { baseMs: 1_000, maxMs: 30_000 }, this.random);
          await this.throttled(keys, target.conversationId, this.now() + wait);
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

  /**
   * Books the earliest allowed moment and waits for it. Woken at the booked moment, it checks
   * again, as bookings before it may have moved later since. A deferrable request that would
   * wait behind another for its conversation, or past the deadline, is deferred instead.
   */
  private async waitForTurn(
    keys: Keys,
    conversationId: string,
    giveUpAt: number,
    deferKey: string | undefined,
  ): Promise<number> {
    const shared = this.options.shared !== undefined;
    let at = await this.book(keys, this.now() + (shared ? this.leadMs : 0), giveUpAt, conversationId, deferKey);
    if (!shared && at <= this.now()) return at;
    this.waiting.set(conversationId, (this.waiting.get(conversationId) ?? 0) + 1);
    try {
      if (shared) {
        // A shared booking stays where it was made, so the request must leave at its moment.
        // Written too late to keep (the store was slower than the lead), or woken too late (a
        // busy event loop): booked again, further ahead, as later bookings already count on
        // this one being in its own window. After a few tries it leaves late: a 429 then
        // holds back and retries.
        for (let late = 0; ; late++) {
          if (at > this.now()) await this.sleep(at - this.now());
          if (at >= this.now() - LATE_MS || late >= MAX_LATE_REBOOKINGS) return at;
          at = await this.book(keys, this.now() + this.leadMs, giveUpAt, conversationId, undefined, at);
        }
      }
      while (at > this.now()) {
        await this.sleep(at - this.now());
        at = await this.book(keys, this.now(), giveUpAt, conversationId, undefined, at);
      }
      return at;
    } finally {
      const left = (this.waiting.get(conversationId) ?? 1) - 1;
      if (left > 0) this.waiting.set(conversationId, left);
      else this.waiting.delete(conversationId);
    }
  }

  /** Books the earliest allowed moment, or defers when that is past the deadline or another request already waits. */
  private async book(
    keys: Keys,
    now: number,
    giveUpAt: number,
    conversationId: string,
    deferKey: string | undefined,
    replacing?: number,
  ): Promise<number> {
    const at = await this.reserve(keys, now, replacing);
    const pastDeadline = at > giveUpAt;
    const behindAnother = deferKey !== undefined && at > now && (this.waiting.get(conversationId) ?? 0) > 0;
    if (!pastDeadline && !behindAnother) return at;
    this.counts.deferred++;
    await this.release(keys, at);
    if (deferKey === undefined) throw new DeliveryDeferred(at - now);
    // In line behind those deferred before it, at the conversation's pace.
    const line = keys.slice(0, 1);
    const place = this.queued.reserve(line, at);
    this.kept.set(deferKey, { keys: line, at: place });
    throw new DeliveryDeferred(place - now, Math.max(0, place - now - DEFER_LEAD_MS));
  }

  /**
   * A deferred request is back: it leaves the line and books like any other. Places of others
   * due back by now are let go too (their jobs are late, waiting for the runner's next pass), so
   * that a request deferred again does not queue behind places nobody will use.
   */
  private giveBack(deferKey: string): void {
    const due = this.now() + DEFER_LEAD_MS;
    for (const [key, place] of this.kept) {
      if (key !== deferKey && place.at > due) continue;
      this.kept.delete(key);
      this.queued.release(place.keys, place.at);
    }
  }

  /**
   * Teams counts a request when it arrives, which is some time after we let it go (the SDK, the
   * network, a busy event loop): the booking moves to when the answer came, which is never
   * before the arrival, so the next request waits a full window after the arrival.
   */
  private async settle(keys: Keys, at: number): Promise<void> {
    // Shared windows are booked at the moment the request leaves (see waitForTurn), and
    // SHARED_ARRIVAL_GUARD_MS covers its way to Teams: a second write per request is spared.
    if (!this.options.shared) this.windows.move(keys, at, Math.max(at, this.now()));
  }

  /** Books from `now`, first giving back the booking at `replacing` (woken at its moment, a request books again). */
  private async reserve(keys: Keys, now: number, replacing: number | undefined): Promise<number> {
    const { shared } = this.options;
    if (shared) {
      const started = this.now();
      // Booked ahead (`now` is a lead ahead of the clock), but forgetting only what the clock has
      // left behind: another instance with a shorter lead books sooner and must see those stamps.
      const at = await (replacing === undefined
        ? shared.reserve(keys, started, now)
        : shared.rebook(keys, replacing, started, now));
      // Two round trips ahead, as the store answers now: enough for the booking to be written before its moment.
      this.leadMs = Math.min(MAX_LEAD_MS, Math.max(MIN_LEAD_MS, 0.7 * this.leadMs + 0.3 * 2 * (this.now() - started)));
      return at;
    }
    if (replacing !== undefined) this.windows.release(keys, replacing);
    return this.windows.reserve(keys, now);
  }

  private async release(keys: Keys, at: number): Promise<void> {
    if (this.options.shared) await this.options.shared.release(keys, at);
    else this.windows.release(keys, at);
  }

  private async holdBack(key: string, until: number): Promise<void> {
    if (this.options.shared) await this.options.shared.holdBack(key, until);
    else this.windows.holdBack(key, until);
  }

  /**
   * Teams does not say which limit a 429 was for. We keep under the conversation's limits
   * ourselves, so a 429 usually means others share the budget (another instance of the app,
   * another bot in the chat). One 429 holds back its conversation; a 429 for a second
   * conversation while the first is held means the tenant's budget: hold back the whole app.
   */
  private async throttled(keys: Keys, conversationId: string, until: number): Promise<void> {
    const [conversation, tenant] = keys;
    await this.holdBack(conversation!.key, until);
    const last = this.lastHold;
    if (last && last.conversationId !== conversationId && last.until > this.now())
      await this.holdBack(tenant!.key, until);
    this.lastHold = { conversationId, until };
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.options.timer.after(ms, resolve));
  }
}
