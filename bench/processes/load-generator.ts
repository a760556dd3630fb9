/**
 * The load generator in its own process (forked by bench/harness with an IPC channel):
 * it is told one run at a time, sends it, checks every answer and what reached the
 * connector, and sends back the latencies. Nothing of either bot runs here, so neither
 * bot's garbage is collected during the other's run, and the generator's own work is
 * the same for both.
 */
import type { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { cardAction } from '../../tests/fixtures/activities';
import type { Person } from '../../tests/fixtures/activities';
import { keepAliveAgent, postJson } from '../http-post';
import { runBursts, runLoad } from '../load';
import { request } from '../workload';
import type { ReplyCounts } from './connector';
import { postForAnswer } from './post-answer';

export interface ChatJob {
  readonly kind: 'chat';
  readonly url: string;
  readonly serviceUrl: string;
  readonly controlUrl: string;
  readonly concurrency: number;
  readonly count: number;
  /**
   * Closed-loop requests before measuring, to settle the JIT (first run against a bot only).
   * A job with count 0 only warms up and primes: the harness sends that first, then reads the
   * server's CPU time, then the measured job with no warm-up or priming.
   */
  readonly warmup: number;
  /** Bursts of exactly `concurrency`, so every keep-alive connection on the path is open. */
  readonly primingBursts: number;
  readonly timeCapMs: number;
  /** Identifies the bot; its keep-alive pool lives across runs, as Teams' connections do. */
  readonly bot: string;
  /** Check the connector's counts after every this many requests (bounds its memory in long runs). */
  readonly chunk?: number;
}

export interface VoteJob {
  readonly kind: 'vote';
  readonly bot: string;
  /** Samråd opens a vote and checks the ballot box; the echo bot answers with the verb. */
  readonly target: 'samrad' | 'echo';
  readonly url: string;
  readonly serviceUrl: string;
  readonly voters: readonly Person[];
  readonly memberIds: readonly string[];
  readonly coordinator: Person;
  readonly concurrency: number;
  readonly bursts: number;
  readonly warmupBursts: number;
  /**
   * Run the unmeasured bursts (warm-up the first time, one burst after) and stop; the
   * measured job that follows sends none, so the server's CPU time covers measured casts only.
   */
  readonly primeOnly: boolean;
  /** Samråd's database, opened read-only to check each ballot box. */
  readonly databaseFile?: string;
}

export type Job = ChatJob | VoteJob;

export interface JobResult {
  readonly latencies: number[];
  readonly wallMs: number;
  readonly sent: number;
  readonly capped: boolean;
  readonly errors: string[];
}

const REQUEST_TIMEOUT_MS = 30_000;
const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const OPTIONS = ['for', 'against', 'abstain'] as const;
const agents = new Map<string, Agent>();
const agentFor = (bot: string, size: number): Agent => {
  const key = `${bot}@${size}`;
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = keepAliveAgent(size)));
  return agent;
};
const warmed = new Set<string>();
const text = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function takeReplies(controlUrl: string): Promise<ReplyCounts> {
  const res = await fetch(controlUrl);
  return (await res.json()) as ReplyCounts;
}

/** Exactly one reply to each request of the run, and nothing else reached the connector. */
function replyProblems(counts: ReplyCounts, ids: readonly string[]): string[] {
  const problems: string[] = [];
  const asked = new Set(ids);
  for (const id of ids)
    if ((counts.replies[id] ?? 0) !== 1) problems.push(`request ${id}: ${counts.replies[id] ?? 0} replies, expected 1`);
  for (const [id, n] of Object.entries(counts.replies))
    if (!asked.has(id)) problems.push(`${n} reply(ies) to ${id}, not sent in this run`);
  for (const call of counts.unexpected) problems.push(`unexpected connector call: ${call}`);
  return problems;
}

async function runChat(job: ChatJob): Promise<JobResult> {
  const agent = agentFor(job.bot, job.concurrency);
  const errors: string[] = [];
  let ids: string[] = [];
  const send = (record: boolean) => async (i: number) => {
    const r = request(i, job.serviceUrl);
    if (record) ids.push(r.id);
    await postJson(job.url, r.activity, agent, REQUEST_TIMEOUT_MS);
  };
  if (!warmed.has(job.bot) && job.warmup > 0) {
    const w = await runLoad({
      count: job.warmup,
      concurrency: job.concurrency,
      timeCapMs: job.timeCapMs,
      send: send(false),
    });
    errors.push(...w.errors.map((e) => `warm-up ${e}`));
    warmed.add(job.bot);
  }
  if (job.primingBursts > 0) {
    errors.push(...(await runBursts(job.concurrency, job.primingBursts, send(false))).map((e) => `priming ${e}`));
  }
  // Replies to warm-up and priming requests (and any late ones) are not this run's.
  await takeReplies(job.controlUrl);

  const chunk = job.chunk ?? job.count;
  const latencies: number[] = [];
  let wallMs = 0;
  let sent = 0;
  let capped = false;
  for (let done = 0; done < job.count && !capped; done += chunk) {
    ids = [];
    const run = await runLoad({
      count: Math.min(chunk, job.count - done),
      concurrency: job.concurrency,
      timeCapMs: job.timeCapMs,
      send: send(true),
    });
    latencies.push(...run.latencies);
    wallMs += run.wallMs;
    sent += run.started;
    capped = run.capped;
    errors.push(...run.errors, ...replyProblems(await takeReplies(job.controlUrl), ids));
  }
  return { latencies, wallMs, sent, capped, errors };
}

/** Every voter whose card came back is in the box exactly once; no one else is. */
function ballotProblems(db: Database.Database, voteId: string, succeeded: readonly string[]): string[] {
  const row = db.prepare("SELECT value FROM records WHERE list = 'ballotBoxes' AND id = ?").get(voteId) as
    { value: string } | undefined;
  if (!row) return [`vote ${voteId}: no ballot box stored`];
  const box = JSON.parse(row.value) as { ballots?: { voterKey: string }[] };
  const keys = (box.ballots ?? []).map((b) => b.voterKey);
  const distinct = new Set(keys);
  const problems: string[] = [];
  if (keys.length !== succeeded.length || distinct.size !== keys.length)
    problems.push(
      `vote ${voteId}: ${keys.length} ballots (${distinct.size} voters) stored, ${succeeded.length} casts answered`,
    );
  for (const id of succeeded)
    if (!distinct.has(id)) problems.push(`vote ${voteId}: ${id} got their card but the ballot is missing`);
  return problems;
}

async function runVotes(job: VoteJob): Promise<JobResult> {
  const agent = agentFor(job.bot, job.concurrency);
  const db = job.databaseFile ? new Database(job.databaseFile, { readonly: true, fileMustExist: true }) : undefined;
  const latencies: number[] = [];
  const errors: string[] = [];
  let wallMs = 0;
  let sent = 0;
  let round = 0;
  try {
    const openVote = async (): Promise<string> => {
      const answer = await postForAnswer(
        job.url,
        cardAction(
          job.serviceUrl,
          job.coordinator,
          'vote.open',
          { title: 'Benkemåling', body: 'styret' },
          { kind: 'channel' },
        ),
        agent,
        REQUEST_TIMEOUT_MS,
      );
      const named = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(answer.body)?.[1];
      if (answer.status !== 200 || !named)
        throw new Error(`vote.open answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      return named;
    };
    const burst = async (measured: boolean): Promise<void> => {
      const voteId = job.target === 'samrad' ? await openVote() : 'X';
      // Distinct members each burst, moving through the board.
      const indexes = Array.from(
        { length: job.concurrency },
        (_, k) => (round * job.concurrency + k) % job.voters.length,
      );
      round++;
      const succeeded: string[] = [];
      const problems: string[] = [];
      const t0 = performance.now();
      await Promise.all(
        indexes.map(async (i) => {
          const start = performance.now();
          try {
            const answer = await postForAnswer(
              job.url,
              cardAction(
                job.serviceUrl,
                job.voters[i]!,
                'vote.cast',
                { voteId, option: OPTIONS[i % OPTIONS.length] },
                { kind: 'channel' },
              ),
              agent,
              REQUEST_TIMEOUT_MS,
            );
            const took = performance.now() - start;
            const invoke = answer.json as { type?: string; value?: unknown } | undefined;
            const expected = job.target === 'samrad' ? CARD : MESSAGE;
            const ok =
              answer.status === 200 &&
              invoke?.type === expected &&
              (job.target === 'echo' || JSON.stringify(invoke.value).includes('Du har stemt'));
            if (measured) latencies.push(took);
            if (ok) succeeded.push(job.memberIds[i]!);
            else
              problems.push(
                `${job.memberIds[i]} got HTTP ${answer.status} ${invoke?.type ?? ''}: ${answer.body.slice(0, 90)}`,
              );
          } catch (e) {
            problems.push(`${job.memberIds[i]}: ${text(e)}`);
          }
        }),
      );
      if (measured) {
        wallMs += performance.now() - t0;
        sent += indexes.length;
      }
      if (db) problems.push(...ballotProblems(db, voteId, succeeded));
      errors.push(...problems.map((p) => (measured ? p : `warm-up ${p}`)));
    };
    if (job.primeOnly) {
      // Warm-up the first time; after that one burst per run reopens any connection that idled out.
      const unmeasured = warmed.has(job.bot) ? 1 : job.warmupBursts;
      for (let w = 0; w < unmeasured; w++) await burst(false);
      warmed.add(job.bot);
    } else for (let b = 0; b < job.bursts; b++) await burst(true);
  } finally {
    db?.close();
  }
  return { latencies, wallMs, sent, capped: false, errors };
}

process.on('message', (job: Job) => {
  (job.kind === 'chat' ? runChat(job) : runVotes(job)).then(
    (result) => process.send!({ ok: true, result }),
    (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
process.on('disconnect', () => process.exit(0));
