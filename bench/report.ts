import type { Machine, MemorySample } from './machine';
import type { LatencySummary } from './stats';

export interface BotRun {
  readonly summary: LatencySummary;
  readonly sent: number;
  readonly capped: boolean;
  readonly errors: string[];
}

export interface Level {
  readonly concurrency: number;
  readonly samrad: BotRun;
  readonly echo: BotRun;
  readonly ratio: { readonly p50: number; readonly throughput: number };
}

export interface BenchReport {
  readonly generatedAt: string;
  readonly machine: Machine;
  readonly plan: { readonly requestsPerLevel: number; readonly warmup: string; readonly timeCapMs: number; readonly commands: string };
  readonly levels: Level[];
  readonly memory: { readonly before: MemorySample; readonly after: MemorySample; readonly peakRssMiB: number };
  readonly failures: string[];
}

const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '–');
const rate = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '–');
const times = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const count = (r: BotRun): string => `${r.summary.count}${r.capped ? ' (time cap)' : ''}`;

export function toMarkdown(r: BenchReport): string {
  const m = r.machine;
  const lines = [
    '## Samråd vs. a bare echo bot',
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB, Node ${m.node} (${m.platform}); ${r.generatedAt}.`,
    `Load generator, fake connector and both bots share one Node process, so figures are relative, not capacity.`,
    `Per level and bot: ${r.plan.warmup} warm-up requests, then up to ${r.plan.requestsPerLevel} requests (cap ${r.plan.timeCapMs / 1000} s) of: ${r.plan.commands}.`,
    'Latency: POST /api/messages until the response ends, which includes sending the reply to the connector.',
    'Steady state: connections (ours to the bot, the bot\'s to the connector) are opened during warm-up; a burst that must open them is far slower.',
    '',
    '| Concurrency | Samråd p50 ms | Samråd p99 ms | Samråd req/s | Echo p50 ms | Echo p99 ms | Echo req/s | p50 Samråd/echo | req/s Samråd/echo | Requests Samråd / echo |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.levels.map((l) =>
      [
        l.concurrency,
        ms(l.samrad.summary.p50),
        ms(l.samrad.summary.p99),
        rate(l.samrad.summary.throughput),
        ms(l.echo.summary.p50),
        ms(l.echo.summary.p99),
        rate(l.echo.summary.throughput),
        times(l.ratio.p50),
        times(l.ratio.throughput),
        `${count(l.samrad)} / ${count(l.echo)}`,
      ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
    ),
    '',
    `Process RSS: ${r.memory.before.rssMiB} MiB before, ${r.memory.after.rssMiB} MiB after (peak seen ${r.memory.peakRssMiB} MiB); ` +
      `heap ${r.memory.before.heapUsedMiB} → ${r.memory.after.heapUsedMiB} MiB.`,
    '',
    r.failures.length === 0
      ? 'Every response was 200 and the connector received exactly one reply per request.'
      : `**${r.failures.length} failure(s)**; first ones:\n\n${r.failures.slice(0, 10).map((f) => `- ${f}`).join('\n')}`,
    '',
  ];
  return lines.join('\n');
}
