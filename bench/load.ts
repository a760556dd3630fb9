import { performance } from 'node:perf_hooks';

export interface LoadPlan {
  /** Requests to send; the run stops after this many, or at the time cap, whichever is first. */
  readonly count: number;
  readonly concurrency: number;
  /** No new request starts after this; those in flight are awaited (each has its own timeout). */
  readonly timeCapMs: number;
  /** Sends request number `i`; resolves when the response has completed, or throws. */
  readonly send: (i: number) => Promise<void>;
}

export interface LoadResult {
  readonly latencies: number[];
  readonly errors: string[];
  readonly started: number;
  readonly wallMs: number;
  readonly capped: boolean;
}

/**
 * A closed loop: `concurrency` workers, each sending its next request as soon as the
 * previous one completes. Closed rather than open-loop so a slow bot cannot pile up
 * unbounded requests on a small machine; the cost is that queueing shows up as lower
 * throughput rather than as latency.
 */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const t0 = performance.now();
  const deadline = t0 + plan.timeCapMs;
  let next = 0;
  let capped = false;

  const worker = async (): Promise<void> => {
    for (;;) {
      if (next >= plan.count) return;
      if (performance.now() >= deadline) {
        capped = true;
        return;
      }
      const i = next++;
      const start = performance.now();
      try {
        await plan.send(i);
        latencies.push(performance.now() - start);
      } catch (e) {
        errors.push(`#${i}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, plan.concurrency) }, worker));
  return { latencies, errors, started: next, wallMs: performance.now() - t0, capped };
}

/**
 * Sends `rounds` bursts of exactly `size` simultaneous requests, each burst after the
 * previous one has completed. Unlike a closed loop, whose workers drift apart, this
 * forces every keep-alive pool on the path (ours to the bot, the bot's to the
 * connector) to hold `size` open connections before measuring starts.
 */
export async function runBursts(size: number, rounds: number, send: (i: number) => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const results = await Promise.allSettled(Array.from({ length: size }, (_, k) => send(round * size + k)));
    for (const r of results)
      if (r.status === 'rejected') errors.push(r.reason instanceof Error ? r.reason.message : String(r.reason));
  }
  return errors;
}
