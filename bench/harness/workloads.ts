import type { Person } from '../../tests/fixtures/activities';
import type { ChatJob, JobResult, VoteJob } from '../processes/load-generator';
import type { LatencySummary } from '../stats';
import { summarise } from '../stats';
import type { Child } from './child';
import type { ProcessMemory } from './proc-stats';
import { cpuMs, processMemory } from './proc-stats';
import type { LoadGenerator, SamradServer } from './processes';

export type Bot = 'samrad' | 'echo';

export interface BotRun {
  readonly bot: Bot;
  readonly round: number;
  /** 1 when this bot ran first in its round, 2 when second. */
  readonly position: 1 | 2;
  readonly summary: LatencySummary;
  readonly sent: number;
  readonly capped: boolean;
  /** The bot process's user + system CPU time during the measured requests, per request. */
  readonly cpuMsPerRequest: number;
  readonly errors: string[];
}

export interface WorkloadResult {
  readonly name: 'chat' | 'vote';
  readonly concurrency: number;
  readonly perRun: number;
  readonly runs: BotRun[];
  /** Each bot process's memory after all rounds of this workload. */
  readonly memory: Record<Bot, ProcessMemory>;
  /** Only with --long: the same bots after that many more chat turns. */
  readonly long?: {
    readonly turns: number;
    readonly samrad: BotRun;
    readonly echo: BotRun;
    readonly memory: Record<Bot, ProcessMemory>;
  };
}

export interface Targets {
  readonly samrad: SamradServer;
  readonly echo: Child;
  readonly serviceUrl: string;
  readonly controlUrl: string;
}

/** Samråd first in even rounds, the echo bot first in odd ones: neither always gets the warmer (or quieter) slot. */
export const orderOf = (round: number): readonly [Bot, Bot] =>
  round % 2 === 0 ? ['samrad', 'echo'] : ['echo', 'samrad'];

/**
 * Runs `prime` (unmeasured), then reads the bot's CPU time, runs `measure`, and reads it
 * again, so the CPU figure covers the measured requests only.
 */
async function measured(
  load: LoadGenerator,
  pid: number,
  prime: () => Promise<JobResult>,
  measure: () => Promise<JobResult>,
): Promise<{ result: JobResult; cpuMsPerRequest: number; primeErrors: string[] }> {
  const primed = await prime();
  const before = cpuMs(pid);
  const result = await measure();
  const after = cpuMs(pid);
  return {
    result,
    cpuMsPerRequest: result.sent > 0 ? (after - before) / result.sent : Number.NaN,
    primeErrors: primed.errors,
  };
}

function botRun(
  bot: Bot,
  round: number,
  position: 1 | 2,
  m: Awaited<ReturnType<typeof measured>>,
  problems: Map<string, number>,
): BotRun {
  return {
    bot,
    round,
    position,
    summary: summarise(m.result.latencies, m.result.wallMs),
    sent: m.result.sent,
    capped: m.result.capped,
    cpuMsPerRequest: m.cpuMsPerRequest,
    errors: [
      ...m.primeErrors.map((e) => `unmeasured: ${e}`),
      ...m.result.errors,
      ...[...problems].map(([event, n]) => `${n} × ${event} logged`),
    ],
  };
}

export interface ChatPlan {
  readonly rounds: number;
  readonly concurrency: number;
  readonly requests: number;
  readonly warmup: number;
  readonly primingBursts: number;
  readonly timeCapMs: number;
  readonly longTurns?: number;
}

export async function runChatWorkload(
  load: LoadGenerator,
  t: Targets,
  plan: ChatPlan,
  progress: (line: string) => void,
): Promise<WorkloadResult> {
  const job = (bot: Bot, overrides: Partial<ChatJob>): ChatJob => ({
    kind: 'chat',
    bot: `chat-${bot}`,
    url: t[bot].url,
    serviceUrl: t.serviceUrl,
    controlUrl: t.controlUrl,
    concurrency: plan.concurrency,
    count: plan.requests,
    warmup: 0,
    primingBursts: 0,
    timeCapMs: plan.timeCapMs,
    ...overrides,
  });
  const once = async (bot: Bot, round: number, position: 1 | 2, count: number): Promise<BotRun> => {
    const pid = t[bot].pid;
    t.samrad.takeProblems();
    const m = await measured(
      load,
      pid,
      () => load.run(job(bot, { count: 0, warmup: plan.warmup, primingBursts: plan.primingBursts })),
      () => load.run(job(bot, { count, chunk: 1000 })),
    );
    const run = botRun(bot, round, position, m, bot === 'samrad' ? t.samrad.takeProblems() : new Map<string, number>());
    progress(
      `bench: chat round ${round + 1} ${bot}: p50 ${run.summary.p50.toFixed(1)} ms, p99 ${run.summary.p99.toFixed(1)} ms, ${run.errors.length} problem(s)`,
    );
    return run;
  };
  const runs: BotRun[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    const [first, second] = orderOf(round);
    runs.push(await once(first, round, 1, plan.requests));
    runs.push(await once(second, round, 2, plan.requests));
  }
  const memory = { samrad: processMemory(t.samrad.pid), echo: processMemory(t.echo.pid) };
  let long: WorkloadResult['long'];
  if (plan.longTurns) {
    const samrad = await once('samrad', plan.rounds, 1, plan.longTurns);
    const echo = await once('echo', plan.rounds, 2, plan.longTurns);
    long = {
      turns: plan.longTurns,
      samrad,
      echo,
      memory: { samrad: processMemory(t.samrad.pid), echo: processMemory(t.echo.pid) },
    };
  }
  return { name: 'chat', concurrency: plan.concurrency, perRun: plan.requests, runs, memory, ...(long && { long }) };
}

export interface VotePlan {
  readonly rounds: number;
  readonly voters: number;
  readonly bursts: number;
  readonly warmupBursts: number;
  readonly board: {
    readonly coordinator: Person;
    readonly voters: readonly Person[];
    readonly memberIds: readonly string[];
  };
}

export async function runVoteWorkload(
  load: LoadGenerator,
  t: Targets,
  plan: VotePlan,
  progress: (line: string) => void,
): Promise<WorkloadResult> {
  const job = (bot: Bot, primeOnly: boolean): VoteJob => ({
    kind: 'vote',
    bot: `vote-${bot}`,
    target: bot,
    url: t[bot].url,
    serviceUrl: t.serviceUrl,
    voters: plan.board.voters,
    memberIds: plan.board.memberIds,
    coordinator: plan.board.coordinator,
    concurrency: plan.voters,
    bursts: plan.bursts,
    warmupBursts: plan.warmupBursts,
    primeOnly,
    ...(bot === 'samrad' && { databaseFile: t.samrad.databaseFile }),
  });
  const runs: BotRun[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    const order = orderOf(round);
    for (const [k, bot] of order.entries()) {
      t.samrad.takeProblems();
      const m = await measured(
        load,
        t[bot].pid,
        () => load.run(job(bot, true)),
        () => load.run(job(bot, false)),
      );
      const run = botRun(
        bot,
        round,
        (k + 1) as 1 | 2,
        m,
        bot === 'samrad' ? t.samrad.takeProblems() : new Map<string, number>(),
      );
      progress(
        `bench: vote round ${round + 1} ${bot}: p50 ${run.summary.p50.toFixed(1)} ms, p99 ${run.summary.p99.toFixed(1)} ms, ${run.errors.length} problem(s)`,
      );
      runs.push(run);
    }
  }
  // Replies the vote cards may have caused (updates of the posted card) are not checked here: take them away.
  await fetch(t.controlUrl);
  return {
    name: 'vote',
    concurrency: plan.voters,
    perRun: plan.voters * plan.bursts,
    runs,
    memory: { samrad: processMemory(t.samrad.pid), echo: processMemory(t.echo.pid) },
  };
}
