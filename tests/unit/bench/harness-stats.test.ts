import { describe, expect, it } from 'vitest';
import { logProblems } from '../../../bench/harness/processes';
import { toMarkdown } from '../../../bench/harness/report';
import { graphGoalLines } from '../../../bench/harness/graph-goals';
import { orderOf } from '../../../bench/harness/workloads';
import { parseOptions } from '../../../bench/harness/options';
import { median, percentile, roundRatios, spread, summarise } from '../../../bench/stats';

// The bench's figures on fixed data; its timings themselves are never asserted (npm run bench).
describe('the bench harness statistics', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose

  it('p50 and p99 are nearest-rank: latencies that were observed', () => {
    const s = summarise(hundred, 2_000);
    expect(s.p50).toBe(50);
    expect(s.p99).toBe(99);
    expect(s.max).toBe(100);
    expect(s.throughput).toBe(50);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('p99 of 200 samples is the second-slowest, not an interpolation', () => {
    const xs = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(summarise(xs, 1).p99).toBe(198);
  });

  it('median of an odd count is the middle one; of an even count, the lower middle', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it('spread gives median and range, leaving out rounds with no figure', () => {
    expect(spread([1.4, 1.1, Number.NaN, 2.0, 1.2])).toEqual({ median: 1.2, min: 1.1, max: 2.0, n: 4 });
    expect(spread([]).n).toBe(0);
    expect(spread([]).median).toBeNaN();
  });

  it('ratios are taken per round, Samråd over the echo bot of the same round', () => {
    expect(roundRatios([20, 30, 10], [10, 10, 0])).toEqual([2, 3, Number.NaN]);
  });
});

describe('the bench harness plan', () => {
  it('alternates which bot runs first', () => {
    expect([0, 1, 2, 3].map((r) => orderOf(r)[0])).toEqual(['samrad', 'echo', 'samrad', 'echo']);
    expect(new Set(orderOf(1))).toEqual(new Set(['samrad', 'echo']));
  });

  it('reads its options and refuses what it does not know', () => {
    expect(parseOptions([])).toMatchObject({ rounds: 5, longTurns: 0, workflows: true, build: true, coldStarts: 5 });
    expect(parseOptions(['--rounds', '9', '--long', '--no-workflows'])).toMatchObject({
      rounds: 9,
      longTurns: 20_000,
      workflows: false,
    });
    expect(() => parseOptions(['--rounds', 'x'])).toThrow(/--rounds needs a whole number/);
    expect(() => parseOptions(['--round', '3'])).toThrow(/unknown option --round/);
  });

  it('counts the warnings and errors in the server log by event, and only those', () => {
    const log = [
      '{"level":"info","event":"turn.done"}',
      '{"level":"warn","event":"store.slow"}',
      '{"level":"error","event":"turn.failed"}',
      '{"level":"error","event":"turn.failed"}',
      'Samråd bot listening on http://127.0.0.1:1/api/messages (local mode)',
      '{"level":',
    ].join('\n');
    expect([...logProblems(log)]).toEqual([
      ['warn store.slow', 1],
      ['error turn.failed', 2],
      ['unparsed log line', 1],
    ]);
  });
});

describe('the bench harness table', () => {
  const run = (bot: 'samrad' | 'echo', round: number, p50: number, p99: number, cpu: number) => ({
    bot,
    round,
    position: 1 as const,
    summary: { count: 100, p50, p99, max: p99, mean: p50, throughput: 100 },
    sent: 100,
    capped: false,
    cpuMsPerRequest: cpu,
    errors: [],
  });
  const memory = { samrad: { rssMiB: 120, peakMiB: 130 }, echo: { rssMiB: 90, peakMiB: 95 } };
  const report = {
    generatedAt: '2026-12-02T12:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'Test CPU', totalMemoryGiB: 4, node: 'v20', platform: 'linux-x64' },
    loadAverage: 0.1,
    rounds: 3,
    workloads: [
      {
        name: 'chat' as const,
        concurrency: 64,
        perRun: 100,
        // Round ratios at p99: 1.2, 1.5, 1.0; at p50: 2, 2, 3.
        runs: [
          run('samrad', 0, 20, 120, 2),
          run('echo', 0, 10, 100, 1),
          run('samrad', 1, 40, 300, 3),
          run('echo', 1, 20, 200, 1),
          run('samrad', 2, 30, 100, 4),
          run('echo', 2, 10, 100, 2),
        ],
        memory,
      },
    ],
    failures: [],
  };

  it('shows per-round ratios as median and range, and how many rounds met the p99 goal', () => {
    const md = toMarkdown(report);
    expect(md).toContain(
      '| Chat turns, 64 at once | 30.0 (20.0–40.0) | 120.0 (100.0–300.0) | 10.0 (10.0–20.0) | 100.0 (100.0–200.0) | 2.00× (2.00×–3.00×) | **1.20× (1.00×–1.50×)** | 2 of 3 | 2.00× (2.00×–3.00×) |',
    );
    expect(md).toContain('3 round(s) only: a smoke run');
    expect(md).toContain('| Chat turns rounds | 120 | 130 | 90 | 95 |');
  });
});

describe('the Graph requests per workflow against the goals', () => {
  const run = (step: string, httpRequests: number, records: number, throttledShare = 0) => ({
    step,
    throttledShare,
    httpRequests,
    subRequests: 0,
    throttled: 0,
    retryAfterAskedS: 0,
    wallMs: 1,
    records,
  });

  it('divides a recording by its responses, compares with the goal, and says which sections were not run', () => {
    const lines = graphGoalLines({
      runs: [
        run('record 356 responses (hearing.submit, one after another)', 712, 356),
        run('record 356 responses (hearing.submit, one after another)', 9999, 356, 0.3),
        run('distribute one hearing to 356 municipalities', 900, 714),
        run('compile: the statement card (hearing.compile)', 3, 356),
      ],
    });
    expect(lines).toContain('| one hearing response | 2 | 3 | yes |');
    expect(lines).toContain('| distributing a hearing to 356 municipalities | 900 | 170 | **no** |');
    expect(lines).toContain('| compiling a hearing (the statement card) | 3 | 3 | yes |');
    expect(lines).toContain('| planning a meeting with its formøte | – (section not run) | 8 | – |');
  });
});
