/**
 * `npm run bench`: the compiled server against a bare botbuilder echo bot, each in its own
 * process beside a fake connector and a load generator (bench/processes/), in interleaved
 * rounds: chat turns and vote invokes at 64 concurrent, p50 and p99 with their spread, the
 * bots' own memory and CPU, and the server's cold start (bench/harness/). Then, in this
 * process, the workflow sections that count Graph requests and proactive messages rather
 * than time them. docs/performance.md explains the method.
 *
 *   npm run bench                      quick: 5 rounds, then the workflow sections
 *   npm run bench -- --rounds 9        more rounds
 *   npm run bench -- --long            and 20,000 more chat turns before reading memory again
 *   npm run bench -- --long-turns 2000 the same with fewer turns (a smoke run of --long)
 *   npm run bench -- --no-workflows    only the separate-process part
 *   npm run bench -- --slow-store      and the in-process vote section with a slowed store
 *   npm run bench -- --no-build        reuse dist/ as it is
 *   npm run bench -- --three-years     only three years of records on the fake Graph, then the
 *                                      everyday workflows (bench/three-years; several minutes;
 *                                      into results/three-years.md and .json)
 *
 * Exits non-zero if any request failed, any turn logged a warning or error, any reply was
 * missing or doubled, or any tally was wrong, or (--three-years) any request was refused by
 * SharePoint's list view threshold or for size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { boardOrganisation } from './board-organisation';
import { runDeliveryBench } from './delivery-bench';
import { deliveryLines, hearingDeliveryLines } from './delivery-report';
import { graphStoreLines, runGraphStoreBench } from './graph-store-bench';
import { measureColdStarts } from './harness/cold-start';
import type { ColdStart } from './harness/cold-start';
import { graphGoalLines } from './harness/graph-goals';
import { build, startConnector, startEchoBot, startLoadGenerator, startSamradServer } from './harness/processes';
import type { HarnessReport } from './harness/report';
import { toMarkdown } from './harness/report';
import { runChatWorkload, runVoteWorkload } from './harness/workloads';
import type { WorkloadResult } from './harness/workloads';
import { runHearingDeliveryBench } from './hearing-delivery-bench';
import { hearingGraphLines, runHearingGraphBench } from './hearing-graph-bench';
import { graphWorkflowLines, runGraphWorkflowsBench } from './graph-workflows-bench';
import { dashboardLines, runDashboardBench } from './dashboard-bench';
import { describeMachine } from './machine';
import { parseOptions } from './harness/options';
import type { Options } from './harness/options';
import { runThreeYearsBench } from './three-years/three-years-bench';
import { threeYearsLines } from './three-years/three-years-report';
import { runVoteBench } from './vote-bench';
import { voteLines } from './vote-report';

const CONCURRENCY = 64;
const BOARD_SIZE = 200;
// The last resort if something hangs despite every request's own timeout.
const WATCHDOG_MS = 30 * 60_000;

const say = (line: string) => process.stderr.write(`${line}\n`);

async function separateProcesses(o: Options, failures: string[]): Promise<HarnessReport> {
  const loadAverage = loadavg()[0] ?? Number.NaN;
  say(`bench: building (${o.build ? 'npm run build and ' : ''}the bench's processes)`);
  build({ server: o.build });
  const connector = await startConnector();
  const echo = await startEchoBot();
  const load = startLoadGenerator();
  const workloads: WorkloadResult[] = [];
  let coldStart: ColdStart | undefined;
  const record = (w: WorkloadResult) => {
    workloads.push(w);
    for (const r of [...w.runs, ...(w.long ? [w.long.samrad, w.long.echo] : [])])
      failures.push(...r.errors.map((e) => `${w.name} round ${r.round + 1} ${r.bot}: ${e}`));
  };
  try {
    const targets = { echo, serviceUrl: connector.url, controlUrl: connector.controlUrl };
    {
      const samrad = await startSamradServer();
      try {
        record(
          await runChatWorkload(
            load,
            { ...targets, samrad },
            {
              rounds: o.rounds,
              concurrency: CONCURRENCY,
              requests: o.chatRequests,
              warmup: 200,
              primingBursts: 3,
              timeCapMs: 60_000,
              ...(o.longTurns > 0 && { longTurns: o.longTurns }),
            },
            say,
          ),
        );
      } finally {
        await samrad.close();
      }
    }
    {
      const board = boardOrganisation(BOARD_SIZE);
      const samrad = await startSamradServer({ organisationYaml: board.yaml });
      try {
        record(
          await runVoteWorkload(
            load,
            { ...targets, samrad },
            { rounds: o.rounds, voters: CONCURRENCY, bursts: 4, warmupBursts: 2, board },
            say,
          ),
        );
      } finally {
        await samrad.close();
      }
    }
    if (o.coldStarts > 0) {
      say('bench: cold starts');
      coldStart = await measureColdStarts(o.coldStarts, connector.url);
      failures.push(...coldStart.errors.map((e) => `cold start: ${e}`));
    }
  } finally {
    load.stop();
    await echo.stop();
    await connector.stop();
  }
  return {
    generatedAt: new Date().toISOString(),
    machine: describeMachine(),
    loadAverage,
    rounds: o.rounds,
    workloads,
    ...(coldStart && { coldStart }),
    failures: [...failures],
  };
}

/** The sections that count requests and messages; they compose Samråd in this process, which does not bias a count. */
async function inProcessSections(
  o: Options,
  failures: string[],
): Promise<{ lines: string[]; sections: Record<string, unknown> }> {
  const lines: string[] = [];
  const sections: Record<string, unknown> = {};
  if (o.slowStore) {
    const voting = await runVoteBench(say);
    sections.votes = voting.section;
    failures.push(...voting.failures);
    lines.push(...voteLines(voting.section));
  }
  if (o.workflows) {
    const onGraph = await runGraphStoreBench(say);
    sections.graphStore = onGraph.section;
    failures.push(...onGraph.failures);
    lines.push(...graphStoreLines(onGraph.section));
    const hearingOnGraph = await runHearingGraphBench(say);
    sections.hearingGraph = hearingOnGraph.section;
    failures.push(...hearingOnGraph.failures);
    lines.push(...hearingGraphLines(hearingOnGraph.section));
    const workflowsOnGraph = await runGraphWorkflowsBench(say);
    sections.workflowsGraph = workflowsOnGraph.section;
    failures.push(...workflowsOnGraph.failures);
    lines.unshift(...graphGoalLines(hearingOnGraph.section, workflowsOnGraph.section));
    lines.push(...graphWorkflowLines(workflowsOnGraph.section));
    const delivering = await runDeliveryBench(say);
    sections.delivery = delivering.section;
    failures.push(...delivering.failures);
    lines.push(...deliveryLines(delivering.section));
    const hearing = await runHearingDeliveryBench(say);
    sections.hearingDelivery = hearing.section;
    failures.push(...hearing.failures);
    lines.push(...hearingDeliveryLines(hearing.section));
    const onDashboard = await runDashboardBench(say);
    sections.dashboard = onDashboard.section;
    failures.push(...onDashboard.failures);
    lines.push(...dashboardLines(onDashboard.section));
  }
  return { lines, sections };
}

/** `--three-years`: that section alone (it takes minutes), into results/three-years.{md,json}. */
async function threeYearsOnly(): Promise<number> {
  const years = await runThreeYearsBench(say);
  const markdown = [...threeYearsLines(years.section), ...years.failures.map((f) => `- FAILED: ${f}`), ''].join('\n');
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'three-years.md'), markdown);
  writeFileSync(
    join(dir, 'three-years.json'),
    JSON.stringify({ generatedAt: new Date().toISOString(), machine: describeMachine(), ...years }, null, 2) + '\n',
  );
  process.stdout.write(markdown);
  return years.failures.length === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const watchdog = setTimeout(() => {
    say(`bench: still running after ${WATCHDOG_MS / 60_000} min, giving up`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  if (options.threeYears) return threeYearsOnly();

  const failures: string[] = [];
  const harness = await separateProcesses(options, failures);
  const rest =
    options.workflows || options.slowStore ? await inProcessSections(options, failures) : { lines: [], sections: {} };
  const markdown = [
    toMarkdown({ ...harness, failures }),
    ...(rest.lines.length ? ['## In this process: requests and messages counted', '', ...rest.lines] : []),
  ].join('\n');
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.md'), markdown);
  writeFileSync(
    join(dir, 'latest.json'),
    JSON.stringify({ options, ...harness, failures, ...rest.sections }, null, 2) + '\n',
  );
  process.stdout.write(markdown);
  return failures.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      say(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exitCode = 1;
    },
  );
}
