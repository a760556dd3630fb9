import type { Machine } from '../machine';
import type { Spread } from '../stats';
import { roundRatios, spread } from '../stats';
import type { ColdStart } from './cold-start';
import type { Bot, BotRun, WorkloadResult } from './workloads';

/** The goals of issue 13, part 2, as the table checks them. */
export const GOALS = { p99Ratio: 1.3, rssAfterLongMiB: 150, coldStartMs: 1000 } as const;

export interface HarnessReport {
  readonly generatedAt: string;
  readonly machine: Machine;
  /** 1-minute load average when the bench started: a loaded machine makes every figure noisier. */
  readonly loadAverage: number;
  readonly rounds: number;
  readonly workloads: WorkloadResult[];
  readonly coldStart?: ColdStart;
  readonly failures: string[];
}

const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '–');
const times = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const withRange = (s: Spread, f: (x: number) => string): string =>
  s.n === 0 ? '–' : s.n === 1 ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const of = (w: WorkloadResult, bot: Bot): BotRun[] =>
  w.runs.filter((r) => r.bot === bot).sort((a, b) => a.round - b.round);

/** Median and range over rounds of one bot's figure. */
const figure = (w: WorkloadResult, bot: Bot, pick: (r: BotRun) => number): Spread => spread(of(w, bot).map(pick));
/** Per round Samråd's figure over the echo bot's; median and range of those, and how many rounds met the p99 goal. */
function ratios(w: WorkloadResult, pick: (r: BotRun) => number): { spread: Spread; within: number; of: number } {
  const each = roundRatios(of(w, 'samrad').map(pick), of(w, 'echo').map(pick));
  return { spread: spread(each), within: each.filter((x) => x <= GOALS.p99Ratio).length, of: each.length };
}

const label = { chat: 'Chat turns', vote: 'Vote invokes (vote.cast)' } as const;

function workloadLines(w: WorkloadResult): string[] {
  const p50 = ratios(w, (r) => r.summary.p50);
  const p99 = ratios(w, (r) => r.summary.p99);
  const cpu = ratios(w, (r) => r.cpuMsPerRequest);
  return [
    row([
      `${label[w.name]}, ${w.concurrency} at once`,
      withRange(
        figure(w, 'samrad', (r) => r.summary.p50),
        ms,
      ),
      withRange(
        figure(w, 'samrad', (r) => r.summary.p99),
        ms,
      ),
      withRange(
        figure(w, 'echo', (r) => r.summary.p50),
        ms,
      ),
      withRange(
        figure(w, 'echo', (r) => r.summary.p99),
        ms,
      ),
      withRange(p50.spread, times),
      `**${withRange(p99.spread, times)}**`,
      `${p99.within} of ${p99.of}`,
      withRange(cpu.spread, times),
    ]),
  ];
}

export function toMarkdown(r: HarnessReport): string {
  const m = r.machine;
  const lines: string[] = [
    '## Samråd (compiled) against a bare botbuilder echo bot, separate processes',
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB, Node ${m.node} (${m.platform}); load average ${r.loadAverage.toFixed(2)} at the start; ${r.generatedAt}.`,
    ...(r.rounds < 5
      ? [`**${r.rounds} round(s) only: a smoke run, not a measurement (the method asks for at least five).**`, '']
      : []),
    `Processes: \`node dist/src/main.js\` (local mode, embedded store), the echo bot, the fake connector and the load generator, each its own \`node\`. ${r.rounds} interleaved rounds per workload (Samråd first in odd rounds, the echo bot first in even ones); figures are the median over rounds with the range in brackets; ratios are per round (Samråd over the echo bot in the same round), then median and range.`,
    "Latency: POST /api/messages until the response has ended; a chat turn includes posting the reply to the connector, an invoke answers in its response. CPU: the bot process's user + system time during the measured requests, per request (/proc/<pid>/stat).",
    '',
    row([
      'Workload',
      'Samråd p50 ms',
      'Samråd p99 ms',
      'Echo p50 ms',
      'Echo p99 ms',
      'p50 ratio',
      `p99 ratio (goal ≤ ${GOALS.p99Ratio}×)`,
      `Rounds within ${GOALS.p99Ratio}×`,
      'CPU per request ratio',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...r.workloads.flatMap(workloadLines),
    '',
    'Per workload: requests per bot per round, throughput and CPU:',
    '',
    ...r.workloads.map((w) => {
      const reqs = (bot: Bot) =>
        withRange(
          figure(w, bot, (x) => x.summary.throughput),
          (x) => x.toFixed(0),
        );
      const cpu = (bot: Bot) =>
        withRange(
          figure(w, bot, (x) => x.cpuMsPerRequest),
          (x) => x.toFixed(2),
        );
      const capped = w.runs.filter((x) => x.capped).length;
      return `- ${label[w.name]}: ${w.perRun} measured requests per bot per round${capped ? ` (${capped} run(s) stopped at the time cap)` : ''}; req/s Samråd ${reqs('samrad')}, echo ${reqs('echo')}; CPU ms per request Samråd ${cpu('samrad')}, echo ${cpu('echo')}.`;
    }),
    '',
    '### Memory of the bot processes (VmRSS, peak VmHWM, from /proc/<pid>/status)',
    '',
    row(['After', 'Samråd RSS MiB', 'Samråd peak MiB', 'Echo RSS MiB', 'Echo peak MiB']),
    row(['---', '---:', '---:', '---:', '---:']),
    ...r.workloads.map((w) =>
      row([
        `${label[w.name]} rounds`,
        w.memory.samrad.rssMiB,
        w.memory.samrad.peakMiB,
        w.memory.echo.rssMiB,
        w.memory.echo.peakMiB,
      ]),
    ),
    ...r.workloads.flatMap((w) =>
      w.long
        ? [
            row([
              `${w.long.turns.toLocaleString('en')} more chat turns (--long; goal Samråd ≤ ${GOALS.rssAfterLongMiB} MiB)`,
              `**${w.long.memory.samrad.rssMiB}**`,
              w.long.memory.samrad.peakMiB,
              w.long.memory.echo.rssMiB,
              w.long.memory.echo.peakMiB,
            ]),
          ]
        : [],
    ),
    '',
    ...r.workloads.flatMap((w) =>
      w.long
        ? [
            `Long run, ${w.long.turns.toLocaleString('en')} chat turns at ${w.concurrency} at once: Samråd p50 ${ms(w.long.samrad.summary.p50)} / p99 ${ms(w.long.samrad.summary.p99)} ms, echo p50 ${ms(w.long.echo.summary.p50)} / p99 ${ms(w.long.echo.summary.p99)} ms (one run each, no spread).`,
            '',
          ]
        : [],
    ),
  ];
  if (r.coldStart) {
    const c = spread(r.coldStart.samples);
    lines.push(
      '### Cold start of the compiled server',
      '',
      `Spawn of \`node dist/src/main.js\` (local mode, existing database) until the first 200 from /healthz, ${c.n} starts: median **${ms(c.median)} ms** (${ms(c.min)}–${ms(c.max)}); goal ≤ ${GOALS.coldStartMs} ms.`,
      '',
      ...moduleLines(r.coldStart),
      '',
    );
  }
  lines.push(
    r.failures.length === 0
      ? "Every measured chat turn was answered 200 with exactly one reply at the connector and nothing unexpected; every vote invoke was answered with the voter's own card and its ballot stored once; no warning or error was logged."
      : `**${r.failures.length} failure(s)**; first ones:\n\n${r.failures
          .slice(0, 10)
          .map((f) => `- ${f}`)
          .join('\n')}`,
    '',
  );
  return lines.join('\n');
}

function moduleLines(c: ColdStart): string[] {
  const m = c.cloudModules;
  if (m === null) return ['Modules loaded in local mode: not known (the traced start failed).'];
  const list = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');
  return [
    m.atAll.length === 0
      ? 'Local mode, after starting and answering one `hjelp`, had loaded neither `@azure/identity` nor `@microsoft/microsoft-graph-client` (goal met).'
      : `**Local mode loaded ${list(m.atAll)}** (goal: none), after starting and answering one \`hjelp\`.` +
        (m.byProduct.length
          ? ` Asked for by Samråd's own code: ${list(m.byProduct)}.`
          : " None of it by Samråd's own code: by a dependency (the bare echo bot loads the same through botbuilder).") +
        ' The test tests/artefact/local-mode-modules.test.ts holds the same check.',
  ];
}
