/**
 * Vote invokes: Samråd answering `vote.cast` (adaptiveCard/action) when many board
 * members press at the same moment, beside echo baselines, with the store as it is
 * and with a fixed delay added to every store call. Every round checks the tally.
 */
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { BallotBox } from '../src/domain/ballot';
import { currentBallots } from '../src/domain/ballot';
import { tallyVote } from '../src/domain/tally';
import type { VoteRecord } from '../src/app/voting/vote-records';
import { cardAction, message } from '../tests/fixtures/activities';
import type { Where } from '../tests/fixtures/activities';
import { FakeConnector } from '../tests/fixtures/fake-connector';
import { boardOrganisation } from './board-organisation';
import { startEchoBot } from './echo-bot';
import { keepAliveAgent } from './http-post';
import { checkReplies } from './reply-check';
import { startVotingSamrad } from './samrad-voting-under-bench';
import type { LatencySummary } from './stats';
import { percentile, summarise } from './stats';

/** The board in the generated organisation file: the "200 people voting at the same moment". */
const BOARD_SIZE = 200;
const VOTERS = 64;
/** Rounds (one vote each) at the store's own speed and for the echo baselines. */
const WARMUP_ROUNDS = 2;
const FAST_ROUNDS = 8;
/** The slow store: a fixed delay before every store call. */
const SLOW_DELAY_MS = 20;
const SLOW_LEVELS: readonly {
  readonly concurrency: number;
  readonly rounds: number;
  readonly from: 'channel' | 'personal';
}[] = [
  // One voter at a time: what one invoke costs when nothing queues.
  { concurrency: 1, rounds: 16, from: 'channel' },
  // As Teams sends them: everyone presses the card posted in the channel.
  { concurrency: VOTERS, rounds: 3, from: 'channel' },
  // The same, each from their own chat: no shared conversation record, so what remains is the vote's lock.
  { concurrency: VOTERS, rounds: 3, from: 'personal' },
  // The worst case: the whole board at once, on one vote.
  { concurrency: BOARD_SIZE, rounds: 1, from: 'personal' },
];
/**
 * Teams' limit for answering an invoke. The Teams platform documentation states five
 * seconds for invokes ("Your app has five seconds to respond to the invoke", Respond to
 * the dialog submit action, learn.microsoft.com/microsoftteams/platform/messaging-extensions/
 * how-to/action-commands/respond-to-task-module-submit), after which the client retries
 * the request twice; we hold `adaptiveCard/action` to the same figure.
 */
export const INVOKE_LIMIT_MS = 5_000;
export const INVOKE_LIMIT_SOURCE =
  'about 5 s: Microsoft Teams platform docs, "Respond to the dialog submit action" ("Your app has five seconds to respond to the invoke"; the client then retries twice). The docs stored here state it for invokes in general, not separately for adaptiveCard/action.';
/** Well above the limit: the point is to measure how far past it a slow run goes, not to cut it off. */
const REQUEST_TIMEOUT_MS = 30_000;
/** No new run starts after this; keeps the section bounded if the machine is much slower. */
const SECTION_CAP_MS = 60_000;

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const OPTIONS = ['for', 'against', 'abstain'] as const;
const where: Where = { kind: 'channel' };

export interface VoteRun {
  /** Which bot and which activity, as the table shows it. */
  readonly label: string;
  readonly bot: 'samrad' | 'echo-invoke' | 'echo-message';
  /** Where the invokes came from: the channel (as the vote card is posted), or personal chats. */
  readonly from: 'channel' | 'personal';
  readonly storeDelayMs: number | null;
  readonly concurrency: number;
  readonly rounds: number;
  readonly summary: LatencySummary;
  /** Invokes answered within INVOKE_LIMIT_MS. */
  readonly withinLimit: number;
  /** Answers that were not the expected one (for Samråd: not the voter's own card, e.g. the apology of a failed turn). */
  readonly failedTurns: number;
  /** Samråd only: the burst's wall time divided by its voters, median over rounds: the time each cast holds the vote. */
  readonly serialMsPerCast: number | null;
  /** Samråd only: store calls per cast, by operation and list. */
  readonly storeCallsPerCast: Readonly<Record<string, number>> | null;
  readonly errors: string[];
}

export interface VoteSection {
  readonly boardSize: number;
  readonly voters: number;
  readonly limitMs: number;
  readonly limitSource: string;
  /** What the bare echo bot (echo-bot.ts) answers to an adaptiveCard/action invoke. */
  readonly bareEchoInvokeStatus: number;
  readonly runs: VoteRun[];
  /** vote.open as the coordinator, per store delay: latency of the open before each round. */
  readonly opens: {
    readonly storeDelayMs: number;
    readonly count: number;
    readonly p50: number;
    readonly max: number;
  }[];
  readonly tally: { readonly votes: number; readonly ballots: number };
  readonly skipped: string[];
  readonly wallMs: number;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** POSTs JSON and resolves with status and body once the whole response has arrived. */
function post(url: string, body: unknown, agent: Agent): Promise<Answer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

const message_ = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function parseInvoke(answer: Answer): { type?: string; value?: unknown } {
  try {
    return JSON.parse(answer.body) as { type?: string; value?: unknown };
  } catch {
    return {};
  }
}

type Send = (k: number) => Promise<string | undefined>;
interface Measured {
  latencies: number[];
  errors: string[];
  wallMs: number;
}

/** Sends `count` requests at the same moment; each latency is from its own start to the end of its response. */
const burst = (count: number, send: Send): Promise<Measured> => measure(count, send, true);

/** One at a time: the same measurement without anyone queueing. */
const sequence = (count: number, send: Send): Promise<Measured> => measure(count, send, false);

async function measure(count: number, send: Send, together: boolean): Promise<Measured> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const one = async (k: number) => {
    const start = performance.now();
    try {
      const problem = await send(k);
      latencies.push(performance.now() - start);
      if (problem) errors.push(problem);
    } catch (e) {
      errors.push(message_(e));
    }
  };
  const t0 = performance.now();
  if (together) await Promise.all(Array.from({ length: count }, (_, k) => one(k)));
  else for (let k = 0; k < count; k++) await one(k);
  return { latencies, errors, wallMs: performance.now() - t0 };
}

const median = (xs: readonly number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

export async function runVoteBench(
  progress: (line: string) => void,
): Promise<{ section: VoteSection; failures: string[] }> {
  const t0 = performance.now();
  const org = boardOrganisation(BOARD_SIZE);
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const samrad = await startVotingSamrad(org.yaml);
  const echo = await startEchoBot();
  const echoInvoke = await startEchoBot({ invokes: true });
  const failures: string[] = [];
  const runs: VoteRun[] = [];
  const openLatencies = new Map<number, number[]>();
  const skipped: string[] = [];
  let votesChecked = 0;
  let ballotsChecked = 0;
  let bareEchoInvokeStatus: number;

  try {
    // Does the bare echo bot answer invokes at all?
    {
      const agent = keepAliveAgent(1);
      try {
        bareEchoInvokeStatus = (
          await post(
            echo.url,
            cardAction(serviceUrl, org.voters[0]!, 'vote.cast', { voteId: 'X', option: 'for' }, where),
            agent,
          )
        ).status;
      } finally {
        agent.destroy();
      }
    }

    let knownVotes = new Set<string>();
    /** Opens a vote on the board as the coordinator; returns its id. */
    const openVote = async (agent: Agent, measured: boolean): Promise<string> => {
      const start = performance.now();
      const answer = await post(
        samrad.url,
        cardAction(serviceUrl, org.coordinator, 'vote.open', { title: 'Benkemåling', body: 'styret' }, where),
        agent,
      );
      const took = performance.now() - start;
      // The answer names the new vote (as a message, or as the notice on the opener's card);
      // failing that, the vote the store holds that was not there before.
      const named = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(answer.body)?.[1];
      const known = knownVotes;
      knownVotes = new Set((await samrad.store.inner.find('votes')).map((r) => r.id));
      const id = named ?? [...knownVotes].find((v) => !known.has(v));
      if (answer.status !== 200 || !id)
        throw new Error(`vote.open answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      knownVotes.add(id);
      const delay = samrad.store.delayMs;
      if (measured) openLatencies.set(delay, [...(openLatencies.get(delay) ?? []), took]);
      return id;
    };

    /** The voters of round `round`: distinct members, moving through the board from round to round. */
    const votersOf = (round: number, n: number): number[] =>
      Array.from({ length: n }, (_, k) => (round * n + k) % BOARD_SIZE);

    /**
     * Every voter whose invoke succeeded is counted exactly once, with the option pressed;
     * a voter whose turn failed (and who was told so) is not in the box; nothing else is.
     */
    const checkTally = async (
      voteId: string,
      voterIndexes: readonly number[],
      failed: ReadonlySet<number>,
    ): Promise<string[]> => {
      const problems: string[] = [];
      const box = (await samrad.store.inner.get<BallotBox>('ballotBoxes', voteId))?.value;
      const vote = (await samrad.store.inner.get<VoteRecord>('votes', voteId))?.value;
      if (!box || !vote || vote.state === 'draft') return [`vote ${voteId}: box or vote missing, or still a draft`];
      if (box.secrecy !== 'named') return [`vote ${voteId}: expected a named box`];
      const succeeded = voterIndexes.filter((i) => !failed.has(i));
      const expected = new Map(succeeded.map((i) => [org.memberIds[i]!, OPTIONS[i % OPTIONS.length]!]));
      const toldFailed = new Set([...failed].map((i) => org.memberIds[i]!));
      if (box.ballots.length !== expected.size)
        problems.push(
          `tally of vote ${voteId}: ${box.ballots.length} ballots stored, ${expected.size} invokes succeeded`,
        );
      const seen = new Set<string>();
      for (const b of box.ballots) {
        if (seen.has(b.voterKey)) problems.push(`tally of vote ${voteId}: ${b.voterKey} counted twice`);
        seen.add(b.voterKey);
        const option = expected.get(b.voterKey);
        if (toldFailed.has(b.voterKey))
          problems.push(`tally of vote ${voteId}: ${b.voterKey} was told the turn failed, but the ballot was counted`);
        else if (option === undefined)
          problems.push(`tally of vote ${voteId}: ballot from ${b.voterKey}, who did not vote in this round`);
        else if (b.option !== option || b.castBy !== b.voterKey)
          problems.push(
            `tally of vote ${voteId}: ${b.voterKey} recorded ${b.option} by ${b.castBy}, pressed ${option}`,
          );
      }
      for (const id of expected.keys())
        if (!seen.has(id)) problems.push(`tally of vote ${voteId}: ${id} got their card but the ballot is missing`);
      const tally = tallyVote(vote, box);
      const want: Record<string, number> = { for: 0, against: 0, abstain: 0 };
      for (const option of expected.values()) want[option] = (want[option] ?? 0) + 1;
      for (const o of OPTIONS)
        if ((tally.counts[o] ?? 0) !== want[o])
          problems.push(`tally of vote ${voteId}: ${o} = ${tally.counts[o] ?? 0}, expected ${want[o]}`);
      if (tally.voted !== expected.size || currentBallots(box).length !== expected.size)
        problems.push(`tally of vote ${voteId}: ${tally.voted} voted, expected ${expected.size}`);
      votesChecked++;
      ballotsChecked += box.ballots.length;
      return problems;
    };

    /**
     * Casts for `voterIndexes` on `voteId`, all at once or one by one. A cast succeeded when its
     * answer is the voter's own card; anything else (an apology, an error) is a failed turn. The
     * latency counts either way: it is how long the person waited for an answer.
     */
    const cast =
      (agent: Agent, voteId: string, voterIndexes: readonly number[], from: Where['kind'], failed: Set<number>) =>
      async (k: number) => {
        const i = voterIndexes[k]!;
        const answer = await post(
          samrad.url,
          cardAction(
            serviceUrl,
            org.voters[i]!,
            'vote.cast',
            { voteId, option: OPTIONS[i % OPTIONS.length] },
            { kind: from },
          ),
          agent,
        );
        const invoke = parseInvoke(answer);
        if (answer.status !== 200 || invoke.type !== CARD || !JSON.stringify(invoke.value).includes('Du har stemt')) {
          failed.add(i);
          const said = typeof invoke.value === 'string' ? invoke.value : answer.body;
          return `${org.memberIds[i]} got HTTP ${answer.status} ${invoke.type ?? ''}: ${said.slice(0, 90)}`;
        }
        return undefined;
      };

    let lastVote = '';
    /**
     * Samråd: `rounds` votes, each opened by the coordinator, then cast on by `concurrency`
     * distinct members pressing from `from` (the channel the card is posted in, or each
     * their own personal chat); after warm-up rounds at the store's own speed.
     */
    const samradRun = async (
      delayMs: number,
      concurrency: number,
      rounds: number,
      warmRounds: number,
      from: 'channel' | 'personal',
    ): Promise<VoteRun> => {
      const agent = keepAliveAgent(concurrency);
      const latencies: number[] = [];
      const errors: string[] = [];
      const serial: number[] = [];
      const calls = new Map<string, number>();
      let walls = 0;
      let casts = 0;
      let failedTurns = 0;
      const many = (n: number, send: (k: number) => Promise<string | undefined>) =>
        concurrency === 1 ? sequence(n, send) : burst(n, send);
      try {
        // Warm-up at full speed: opens every connection this concurrency needs, settles the JIT.
        samrad.store.delayMs = 0;
        for (let w = 0; w < warmRounds; w++) {
          const indexes = votersOf(1000 + w, concurrency);
          const failed = new Set<number>();
          const voteId = await openVote(agent, false);
          const r = await many(indexes.length, cast(agent, voteId, indexes, from, failed));
          errors.push(...[...r.errors, ...(await checkTally(voteId, indexes, failed))].map((e) => `warm-up: ${e}`));
        }
        samrad.takeProblems();
        samrad.store.delayMs = delayMs;
        const failedOnLast = new Set<number>();
        for (let round = 0; round < rounds; round++) {
          // One vote for all of a concurrency-1 run; a fresh vote per burst otherwise.
          const indexes = votersOf(round, concurrency);
          const voteId = concurrency === 1 && round > 0 ? lastVote : await openVote(agent, true);
          lastVote = voteId;
          const failed = concurrency === 1 ? failedOnLast : new Set<number>();
          samrad.store.takeCounts();
          const r = await many(indexes.length, cast(agent, voteId, indexes, from, failed));
          for (const [key, n] of samrad.store.takeCounts()) calls.set(key, (calls.get(key) ?? 0) + n);
          latencies.push(...r.latencies);
          errors.push(...r.errors);
          failedTurns += r.errors.length;
          walls += r.wallMs;
          casts += indexes.length;
          serial.push(r.wallMs / indexes.length);
          if (concurrency !== 1) errors.push(...(await checkTally(voteId, indexes, failed)));
        }
        if (concurrency === 1)
          errors.push(
            ...(await checkTally(
              lastVote,
              Array.from({ length: rounds }, (_, round) => votersOf(round, 1)[0]!),
              failedOnLast,
            )),
          );
        errors.push(...[...samrad.takeProblems()].map(([event, n]) => `${n} × ${event} logged`));
      } finally {
        samrad.store.delayMs = 0;
        agent.destroy();
      }
      const perCast: Record<string, number> = {};
      for (const [key, n] of [...calls].sort(([a], [b]) => a.localeCompare(b)))
        perCast[key] = Math.round((n / Math.max(1, casts)) * 100) / 100;
      return {
        label: `Samråd, vote.cast pressed in ${from === 'channel' ? 'the channel' : 'personal chats'}`,
        bot: 'samrad',
        from,
        storeDelayMs: delayMs,
        concurrency,
        rounds,
        summary: summarise(latencies, walls),
        withinLimit: latencies.filter((l) => l <= INVOKE_LIMIT_MS).length,
        failedTurns,
        serialMsPerCast: concurrency === 1 ? null : median(serial),
        storeCallsPerCast: perCast,
        errors,
      };
    };

    /** An echo baseline: bursts of `concurrency` at once, the same number of rounds as Samråd's. */
    const echoRun = async (
      bot: 'echo-invoke' | 'echo-message',
      concurrency: number,
      rounds: number,
    ): Promise<VoteRun> => {
      const agent = keepAliveAgent(concurrency);
      const latencies: number[] = [];
      const errors: string[] = [];
      let walls = 0;
      const ids: string[] = [];
      const send = (record: boolean) => async (k: number) => {
        const from = org.voters[k % org.voters.length]!;
        if (bot === 'echo-invoke') {
          const answer = await post(
            echoInvoke.url,
            cardAction(serviceUrl, from, 'vote.cast', { voteId: 'X', option: 'for' }, where),
            agent,
          );
          if (answer.status !== 200 || parseInvoke(answer).type !== MESSAGE)
            throw new Error(`HTTP ${answer.status}: ${answer.body.slice(0, 100)}`);
        } else {
          const activity = message(serviceUrl, from, `stemme ${k}`, where);
          if (record) ids.push(activity.id);
          const answer = await post(echo.url, activity, agent);
          if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
        }
        return undefined; // it throws on a problem, so it has none to answer
      };
      try {
        for (let w = 0; w < WARMUP_ROUNDS; w++)
          errors.push(...(await burst(concurrency, send(false))).errors.map((e) => `warm-up: ${e}`));
        connector.clear();
        for (let round = 0; round < rounds; round++) {
          const r = await burst(concurrency, send(true));
          latencies.push(...r.latencies);
          errors.push(...r.errors);
          walls += r.wallMs;
        }
        if (bot === 'echo-message') errors.push(...checkReplies(connector, ids));
        connector.clear();
      } finally {
        agent.destroy();
      }
      return {
        label:
          bot === 'echo-invoke'
            ? 'Echo, adaptiveCard/action (one-line handler)'
            : 'Echo, message (bare ActivityHandler)',
        bot,
        from: 'channel',
        storeDelayMs: null,
        concurrency,
        rounds,
        summary: summarise(latencies, walls),
        withinLimit: latencies.filter((l) => l <= INVOKE_LIMIT_MS).length,
        failedTurns: errors.length,
        serialMsPerCast: null,
        storeCallsPerCast: null,
        errors,
      };
    };

    const record = (run: VoteRun) => {
      runs.push(run);
      failures.push(
        ...run.errors.map(
          (e) => `votes ${run.bot} ${run.from} delay=${run.storeDelayMs ?? '-'} c=${run.concurrency}: ${e}`,
        ),
      );
      progress(
        `bench: votes ${run.label}, store delay ${run.storeDelayMs ?? '-'} ms, c=${run.concurrency}: p50 ${run.summary.p50.toFixed(1)} ms, max ${run.summary.max.toFixed(1)} ms, ${run.failedTurns} failed`,
      );
    };

    record(await samradRun(0, VOTERS, FAST_ROUNDS, WARMUP_ROUNDS, 'channel'));
    record(await echoRun('echo-invoke', VOTERS, FAST_ROUNDS));
    record(await echoRun('echo-message', VOTERS, FAST_ROUNDS));
    for (const level of SLOW_LEVELS) {
      if (performance.now() - t0 > SECTION_CAP_MS) {
        skipped.push(`store delay ${SLOW_DELAY_MS} ms at ${level.concurrency} voters: section time cap reached`);
        continue;
      }
      // Warm-up rounds open the connections; one is enough, and for a whole-board burst it is what costs.
      record(await samradRun(SLOW_DELAY_MS, level.concurrency, level.rounds, 1, level.from));
    }
    failures.push(...skipped.map((s) => `votes: skipped ${s}`));
  } finally {
    await samrad.close();
    await echo.close();
    await echoInvoke.close();
    await connector.stop();
  }

  const opens = [...openLatencies].map(([storeDelayMs, ls]) => {
    const sorted = [...ls].sort((a, b) => a - b);
    return { storeDelayMs, count: ls.length, p50: percentile(sorted, 50), max: sorted.at(-1) ?? Number.NaN };
  });
  return {
    section: {
      boardSize: BOARD_SIZE,
      voters: VOTERS,
      limitMs: INVOKE_LIMIT_MS,
      limitSource: INVOKE_LIMIT_SOURCE,
      bareEchoInvokeStatus,
      runs,
      opens,
      tally: { votes: votesChecked, ballots: ballotsChecked },
      skipped,
      wallMs: performance.now() - t0,
    },
    failures,
  };
}
