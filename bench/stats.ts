/** Latency figures for one measured run. Times are in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  /** Completed requests per second of wall-clock time for the whole run. */
  readonly throughput: number;
}

/**
 * Nearest-rank percentile: always a latency that was actually observed, so a p99
 * over a few hundred samples is an honest "the 4th-slowest" rather than an interpolation.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(latencies: readonly number[], wallMs: number): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
    throughput: wallMs > 0 ? (sorted.length * 1000) / wallMs : Number.NaN,
  };
}

/** Samråd over echo; NaN rather than Infinity when the baseline has nothing to compare with. */
export const ratio = (a: number, b: number): number => (b > 0 && Number.isFinite(a) ? a / b : Number.NaN);

/** The middle of a set of figures (nearest rank, as percentile): a figure that was observed. */
export const median = (xs: readonly number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** Median and range of one figure over repeated rounds: the spread the table shows beside it. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/** Figures that are not numbers (a round with no baseline) are left out, and counted out of `n`. */
export function spread(xs: readonly number[]): Spread {
  const finite = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return {
    median: percentile(finite, 50),
    min: finite[0] ?? Number.NaN,
    max: finite.at(-1) ?? Number.NaN,
    n: finite.length,
  };
}

/** Per round: Samråd's figure over the echo bot's in the same round. */
export const roundRatios = (samrad: readonly number[], echo: readonly number[]): number[] =>
  samrad.map((s, i) => ratio(s, echo[i] ?? Number.NaN));
