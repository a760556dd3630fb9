/**
 * Proactive messages against Teams' rate limits: the real composition (JobRunner, the outbox,
 * TeamsMessenger and its ProactiveSender) sending over HTTP to a fake connector that enforces
 * the limits (tests/fixtures/teams-limit-enforcer.ts) and answers 429 when one is broken:
 * throughput over many conversations against the 30 per second tenant limit. A real hearing
 * distributed to 26 and 356 municipalities is bench/hearing-delivery-bench.ts.
 * Every run checks that each message arrived exactly once.
 */
import { performance } from 'node:perf_hooks';
import { composeSamrad } from '../src/compose';
import { text } from '../src/app/reply';
import type { Reply } from '../src/app/reply';
import { messageJob } from '../src/app/scheduling/outbox';
import { JobScheduler } from '../src/app/scheduling/scheduler';
import { systemClock } from '../src/ports/clock';
import { FakeConnector } from '../tests/fixtures/fake-connector';
import { temporaryLocalConfig } from '../tests/fixtures/local-config';
import { arrivals, rememberChats, waitForJobs } from '../tests/fixtures/proactive-fixtures';
import { TeamsLimitEnforcer } from '../tests/fixtures/teams-limit-enforcer';
import { harnessControls, problemCountingLogger } from './problem-log';

/** Teams' limit per app and tenant. */
/** Teams' documented limit per app and tenant (rate-limit.md), which the sender keeps by default. */
export const TENANT_LIMIT_PER_S = 30;
const THROUGHPUT = { messages: 400, conversations: 80 };
export const RUN_TIMEOUT_MS = 60_000;

export interface DeliveryRun {
  readonly label: string;
  readonly conversations: number;
  readonly messages: number;
  /** Requests the connector answered (accepted, 429 and any other status). */
  readonly requests: number;
  readonly throttled: number;
  /** From scheduling the fan-out until every job was finished. */
  readonly wallMs: number;
  /** The least time Teams' limits allow for these messages (the tenant's 30 per second). */
  readonly floorMs: number;
  /**
   * Arrivals after the first second, divided by the time they took: the sustained rate. The
   * first second is left out because a sliding window lets a burst of 30 through at once.
   */
  readonly sustainedPerS: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly failedJobs: number;
}

export interface DeliverySection {
  readonly limitPerS: number;
  readonly throughput: DeliveryRun;
}

/** What the connector and its limits saw during one fan-out, and what went wrong. */
export function deliveryRun(
  base: Pick<DeliveryRun, 'label' | 'conversations' | 'wallMs' | 'lost' | 'duplicated' | 'failedJobs'>,
  expected: number,
  connector: FakeConnector,
  limits: TeamsLimitEnforcer,
): { run: DeliveryRun; wrong: string[] } {
  const at = limits.acceptedAt;
  const steady = at.filter((t) => t >= at[0]! + 1_000);
  const span = steady.length > 1 ? steady.at(-1)! - at[0]! - 1_000 : 0;
  const accepted = connector.sent.length + connector.updated.length;
  const run: DeliveryRun = {
    ...base,
    messages: accepted,
    requests: [...limits.statuses.values()].reduce((a, b) => a + b, 0),
    throttled: limits.count(429),
    floorMs: (Math.ceil(expected / TENANT_LIMIT_PER_S) - 1) * 1_000,
    sustainedPerS: span > 0 ? steady.length / (span / 1_000) : Number.NaN,
  };
  const wrong = [
    ...(base.lost > 0 ? [`${base.lost} lost`] : []),
    ...(base.duplicated > 0 ? [`${base.duplicated} duplicated`] : []),
    ...(base.failedJobs > 0 ? [`${base.failedJobs} jobs not done`] : []),
    ...(accepted !== expected ? [`${accepted} accepted for ${expected} messages`] : []),
  ];
  return { run, wrong };
}

/** One fan-out on a fresh Samråd and connector: `perConversation` messages to each of `conversations` chats. */
async function fanOut(
  label: string,
  conversations: number,
  perConversation: number,
  message: (i: number) => Reply,
): Promise<{ run: DeliveryRun; problems: string[] }> {
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const config = temporaryLocalConfig({ prefix: 'samrad-delivery-bench-', logLevel: 'error' });
  const { problems, log } = problemCountingLogger();
  const samrad = await composeSamrad(config, { log });
  const harness = harnessControls(problems, samrad, config.dir);
  try {
    await samrad.listen();
    const chats = Array.from({ length: conversations }, (_, i) => ({ conversationId: `a:personal-${label}-${i}` }));
    await rememberChats(samrad.store, serviceUrl, chats);
    const limits = new TeamsLimitEnforcer();
    connector.limits = limits;
    const sends = chats.flatMap((c, i) =>
      Array.from({ length: perConversation }, (_, k) => ({
        conversationId: c.conversationId,
        n: i * perConversation + k,
      })),
    );
    const ids = sends.map((s) => `bench:${label}:${s.n}`);

    const start = performance.now();
    await new JobScheduler(samrad.store, systemClock).scheduleMany(
      sends.map((s, i) => messageJob(ids[i]!, { conversationId: s.conversationId, message: message(s.n) }, new Date())),
    );
    samrad.jobs.wake();
    const jobs = await waitForJobs(samrad.store, ids, RUN_TIMEOUT_MS);
    const wallMs = performance.now() - start;

    const { lost, duplicated } = arrivals(
      connector,
      sends.map((s) => messageText(s.n)),
    );
    const failedJobs = [...jobs.values()].filter((j) => j.state !== 'done').length;
    const measured = deliveryRun(
      { label, conversations, wallMs, lost: lost.length, duplicated: duplicated.length, failedJobs },
      sends.length,
      connector,
      limits,
    );
    const wrong = [...measured.wrong, ...[...harness.takeProblems()].map(([event, n]) => `${n} × ${event} logged`)];
    return { run: measured.run, problems: wrong.map((w) => `delivery ${label}: ${w}`) };
  } finally {
    await harness.close();
    await connector.stop();
  }
}

const messageText = (n: number) => `Benkemåling, melding ${n}`;

export async function runDeliveryBench(
  progress: (line: string) => void,
): Promise<{ section: DeliverySection; failures: string[] }> {
  const failures: string[] = [];
  const { messages, conversations } = THROUGHPUT;
  const throughput = await fanOut('throughput', conversations, messages / conversations, (n) => text(messageText(n)));
  failures.push(...throughput.problems);
  progress(
    `bench: delivery throughput ${throughput.run.sustainedPerS.toFixed(1)} messages/s sustained, ${throughput.run.throttled} × 429`,
  );
  return { section: { limitPerS: TENANT_LIMIT_PER_S, throughput: throughput.run }, failures };
}
