import { graphError } from './odata';
import type { FakeGraphRequest, FakeGraphResponse } from './route';

/** One answer a test wants the fake to give instead of the real one. */
export interface Fault {
  readonly status: number;
  /** Retry-After as sent: seconds (`'3'`), an HTTP date, or null for none. Default: none. */
  readonly retryAfter?: string | null;
  /** How many requests it answers; 1 by default. */
  readonly times?: number;
  /** Which requests: method and a path pattern (after `/v1.0`); any when absent. */
  readonly method?: string;
  readonly path?: RegExp;
  /** Only the `$batch` envelope (`'batch'`), only sub-requests (`'sub'`), or either (default). */
  readonly where?: 'batch' | 'sub' | 'any';
}

const codes: Record<number, string> = {
  409: 'nameAlreadyExists',
  423: 'resourceLocked',
  429: 'TooManyRequests',
  503: 'serviceNotAvailable',
  504: 'gatewayTimeout',
};

/** Faults queued by tests, taken first-come by the requests they match. */
export class Faults {
  private readonly queued: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    this.queued.push({ fault, left: fault.times ?? 1 });
  }

  take(request: FakeGraphRequest, inBatch: boolean): FakeGraphResponse | undefined {
    const isBatch = request.path === '/$batch' && !inBatch;
    const entry = this.queued.find(({ fault: f, left }) => {
      if (left <= 0) return false;
      if ((f.where === 'batch' && !isBatch) || (f.where === 'sub' && !inBatch)) return false;
      if (f.method && f.method !== request.method) return false;
      return !f.path || f.path.test(request.path);
    });
    if (!entry) return undefined;
    entry.left--;
    const { status, retryAfter } = entry.fault;
    return graphError(
      status,
      codes[status] ?? 'generalException',
      `A fault the test asked for (${status}).`,
      retryAfter ? { 'Retry-After': retryAfter } : undefined,
    );
  }
}
