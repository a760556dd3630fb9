import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { ProactiveSender } from '../../../src/adapters/teams/proactive-sender';
import { text } from '../../../src/app/reply';
import type { Job } from '../../../src/app/scheduling/job';
import { JOBS, claimedBy, newJob, settled } from '../../../src/app/scheduling/job';
import { JobDeferred } from '../../../src/app/scheduling/job-deferred';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import type { MessageSender } from '../../../src/app/scheduling/outbox';
import { OUTBOX, messageJob, outboxHandler, outboxPayload } from '../../../src/app/scheduling/outbox';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { Timer } from '../../../src/ports/timer';
import { TeamsLimitEnforcer, busiest } from '../../fixtures/teams-limit-enforcer';
import { ManualClock, t0 } from '../scheduling/scheduling-fixtures';
import { untypedJobs } from '../../fakes/untyped-jobs';
import { defineJob, jobRegistry } from '../../../src/app/scheduling/job-registry';

/** Teams' per-conversation windows as documented (rate-limit.md), written here for the checks. */
const PER_CONVERSATION = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
];

/**
 * The outbox, the job runner (8 slots) and the ProactiveSender on one fake clock, sending to
 * the limit-enforcing fake connector's rules. A wait in the sender is real waiting on the fake
 * timer: time moves only when the test moves it, to the next timer or the next due job.
 */
function world() {
  const clock = new ManualClock();
  const timers: { due: number; run: () => void }[] = [];
  const timer: Timer = {
    after: (ms, run) => {
      const entry = { due: clock.now().getTime() + ms, run };
      timers.push(entry);
      return () => timers.splice(timers.indexOf(entry), 1);
    },
  };
  const teams = new TeamsLimitEnforcer(() => clock.now().getTime());
  const arrived: { conversationId: string; text: string; at: number }[] = [];
  const proactive = new ProactiveSender({ clock, timer, guardMs: 0 });
  // The part of TeamsMessenger.send that matters here: one paced request per delivery, deferrable by its job id.
  const sender: MessageSender = {
    async send(d) {
      const result = await proactive.run(
        { conversationId: d.conversationId, tenantId: 'tenant' },
        async () => {
          const refused = teams.answer(d.conversationId);
          if (refused) throw Object.assign(new Error(`HTTP ${refused.status}`), { statusCode: refused.status });
          arrived.push({
            conversationId: d.conversationId,
            text: (d.message as { text: string }).text,
            at: clock.now().getTime() - t0.getTime(),
          });
          return `activity-${arrived.length}`;
        },
        { deferKey: d.idempotencyKey },
      );
      return 'sent' in result ? { activityId: result.sent } : { undeliverable: result.refused.kind };
    },
  };
  const store = new MemoryStore();
  // random 0: candidates in due order, then by id, so B's job comes last of the 41.
  const runner = new JobRunner({
    store,
    clock,
    timer,
    owner: 'runner',
    handlers: jobRegistry(defineJob(OUTBOX, outboxPayload, outboxHandler(sender))),
    concurrency: 8,
    random: () => 0,
  });

  /** Runs passes, moving the clock to the next timer while one is running, or to the next due job between passes. */
  async function drain(ids: readonly string[]): Promise<Map<string, Job>> {
    for (let round = 0; round < 500; round++) {
      const pass = runner.runDue();
      let settledPass = false;
      void pass.then(() => (settledPass = true));
      const settled = () => settledPass; // read as it is now: the pass settles between our awaits
      while (!settled()) {
        await new Promise<void>((r) => setImmediate(r));
        if (settled()) break;
        const next = timers.sort((a, b) => a.due - b.due).shift();
        if (next) {
          clock.advance(Math.max(0, next.due - clock.now().getTime()));
          next.run();
        }
      }
      const jobs = new Map((await store.find<Job>(JOBS)).filter((r) => ids.includes(r.id)).map((r) => [r.id, r.value]));
      const open = [...jobs.values()].filter((j) => j.state === 'pending');
      if (open.length === 0) return jobs;
      const due = Math.min(...open.map((j) => Date.parse(j.dueAt)));
      if (due > clock.now().getTime()) clock.advance(due - clock.now().getTime());
    }
    throw new Error('the jobs did not finish');
  }
  return { clock, teams, arrived, proactive, store, runner, scheduler: new JobScheduler(store, clock), drain };
}

describe('a burst to one conversation does not hold up the others', () => {
  it('40 messages to channel A and 1 to B queued at once: B goes at once, before A gets past its first window; all delivered once, within every limit', async () => {
    const { scheduler, drain, arrived, teams, proactive } = world();
    const ids = [...Array.from({ length: 40 }, (_, i) => `a-${String(i).padStart(2, '0')}`), 'b'];
    await scheduler.scheduleMany(
      ids.map((id) => messageJob(id, { conversationId: id === 'b' ? 'chat-B' : 'channel-A', message: text(id) }, t0)),
    );
    const jobs = await drain(ids);

    const b = arrived.findIndex((a) => a.conversationId === 'chat-B');
    expect(arrived[b]?.at).toBe(0);
    // Teams allows 7 a second in A: B came before the 8th, which has to wait for A's window.
    expect(b).toBeLessThanOrEqual(7);
    expect(arrived.map((a) => a.text).sort()).toEqual([...ids].sort());
    expect([...jobs.values()].map((j) => [j.state, j.attempts])).toEqual(ids.map(() => ['done', 1]));
    expect(teams.count(429)).toBe(0);
    const inA = arrived.filter((a) => a.conversationId === 'channel-A').map((a) => a.at);
    for (const { limit, ms } of PER_CONVERSATION) expect(busiest(inA, ms)).toBeLessThanOrEqual(limit);
    expect(proactive.counts.deferred).toBeGreaterThan(0);
    // The burst still drains at about Teams' pace (8 per 2 s, 60 per 30 s): 40 in under 20 s of fake time.
    expect(Math.max(...inA)).toBeLessThan(20_000);
  });
});

describe('a deferred job', () => {
  it('comes back at the time given, without using up an attempt, even on its last one', () => {
    const last = claimedBy(
      { ...newJob({ id: 'j', kind: OUTBOX, dueAt: t0, payload: {}, maxAttempts: 1 }, t0) },
      'r',
      t0,
      60_000,
    );
    const next = settled(last, { outcome: 'defer', afterMs: 1_500 }, t0, 30_000);
    expect(next).toMatchObject({ state: 'pending', attempts: 0, dueAt: new Date(t0.getTime() + 1_500).toISOString() });
    expect(next.claim).toBeUndefined();
  });

  it('a handler throwing JobDeferred is put back for that time, not retried with backoff', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    const timer: Timer = { after: () => () => {} };
    let runs = 0;
    const runner = new JobRunner({
      store,
      clock,
      timer,
      owner: 'r',
      handlers: untypedJobs({
        k: async () => {
          if (++runs === 1) throw new JobDeferred(2_000);
        },
      }),
    });
    await new JobScheduler(store, clock).schedule({ id: 'j', kind: 'k', dueAt: t0, payload: {}, maxAttempts: 1 });
    await runner.runDue();
    expect((await store.get<Job>(JOBS, 'j'))?.value).toMatchObject({
      state: 'pending',
      attempts: 0,
      dueAt: new Date(t0.getTime() + 2_000).toISOString(),
    });
    clock.advance(2_000);
    await runner.runDue();
    expect((await store.get<Job>(JOBS, 'j'))?.value).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('the runner polls again when the next job falls due, when that is before its interval', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    const armed: number[] = [];
    const passes: (() => void)[] = [];
    const timer: Timer = { after: (ms, run) => (armed.push(ms), passes.push(run), () => {}) };
    const runner = new JobRunner({
      store,
      clock,
      timer,
      owner: 'r',
      pollMs: 5_000,
      handlers: untypedJobs({ k: async () => {} }),
    });
    await new JobScheduler(store, clock).schedule({
      id: 'soon',
      kind: 'k',
      dueAt: new Date(t0.getTime() + 2_000),
      payload: {},
    });
    runner.start();
    passes.shift()!(); // the first pass, at once
    for (let i = 0; i < 100 && armed.length < 2; i++) await new Promise<void>((r) => setImmediate(r));
    await runner.stop();
    expect(armed).toEqual([0, 2_000]);
  });
});
