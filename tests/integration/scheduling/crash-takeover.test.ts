import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import type { JobHandler } from '../../../src/app/scheduling/execute-job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import type { Delivery, MessageSender, SendResult } from '../../../src/app/scheduling/outbox';
import { OUTBOX, messageJob, outboxHandler, outboxPayload } from '../../../src/app/scheduling/outbox';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { Clock } from '../../../src/ports/clock';
import type { RecordStore } from '../../../src/ports/record-store';
import { systemTimer } from '../../../src/ports/timer';
import {
  ManualClock,
  RunCounter,
  idleTimer,
  minutes,
  t0,
  yieldToOthers,
} from '../../unit/scheduling/scheduling-fixtures';
import { defineJob, jobRegistry } from '../../../src/app/scheduling/job-registry';
import { untypedJobs } from '../../fakes/untyped-jobs';

/** Issue 15: by default a crashed instance's due jobs are taken over within 30 s. */
const takeoverMs = 30_000;
const never = new Promise<never>(() => {});

/** Stands in for Teams: what arrived in which conversation. Shared by every "process". */
class FakeTeams {
  readonly arrived: { conversationId: string; process: string }[] = [];
  countIn(conversationId: string): number {
    return this.arrived.filter((a) => a.conversationId === conversationId).length;
  }
}

/** A process's sender. `crash` decides, per delivery, whether the process dies and where. */
const senderFor = (
  teams: FakeTeams,
  process: string,
  crash: (d: Delivery) => 'before-send' | 'after-send' | 'after-record' | undefined = () => undefined,
): MessageSender => ({
  async send(d: Delivery): Promise<SendResult> {
    const at = crash(d);
    if (at === 'before-send') return never;
    teams.arrived.push({ conversationId: d.conversationId, process });
    const activityId = `${process}:${d.idempotencyKey}`;
    if (at === 'after-send') return never;
    await d.recordSent(activityId);
    if (at === 'after-record') return never;
    return { activityId };
  },
});

/** The runner's defaults (lease included), driven by runDue; the idle timer means no heartbeat, as in a dead process. */
const runnerFor = (store: RecordStore, clock: Clock, process: string, sender: MessageSender, concurrency = 8) =>
  new JobRunner({
    store,
    clock,
    timer: idleTimer,
    owner: process,
    concurrency,
    handlers: jobRegistry(defineJob(OUTBOX, outboxPayload, outboxHandler(sender))),
  });

const setup = async (municipalities: number) => {
  const file = join(mkdtempSync(join(tmpdir(), 'samrad-outbox-')), 'samrad.db');
  const clock = new ManualClock();
  const first = new SqliteStore(file);
  const ids = Array.from({ length: municipalities }, (_, i) => String(3301 + i));
  await new JobScheduler(first, clock).scheduleMany(
    ids.map((m) =>
      messageJob(`card:hearing-7:${m}`, { conversationId: `personal-${m}`, message: { template: 'hearing-card' } }, t0),
    ),
  );
  return { file, clock, first, ids, teams: new FakeTeams() };
};

/** Process A claims, then "dies": its pass never finishes and its connection is closed. */
async function dies(runner: JobRunner, store: RecordStore): Promise<void> {
  void runner.runDue();
  for (let i = 0; i < 20; i++) await yieldToOthers();
  await store.close();
}

describe('outbox: a process dies mid-send, another takes over after the lease', () => {
  it('(a) died before sending: the card goes out exactly once, from the process that took over', async () => {
    const { file, clock, first, teams } = await setup(1);
    await dies(
      runnerFor(
        first,
        clock,
        'a',
        senderFor(teams, 'a', () => 'before-send'),
      ),
      first,
    );
    const second = new SqliteStore(file);
    const b = runnerFor(second, clock, 'b', senderFor(teams, 'b'));
    clock.advance(1_000);
    expect(await b.runDue()).toMatchObject({ done: 0 }); // a's lease still holds it
    clock.advance(takeoverMs - 1_000);
    expect(await b.runDue()).toMatchObject({ done: 1 });
    expect(teams.arrived).toEqual([{ conversationId: 'personal-3301', process: 'b' }]);
    await second.close();
  });

  it('(b) died after sending and recording the activity id: the other process does not send again', async () => {
    const { file, clock, first, teams } = await setup(1);
    await dies(
      runnerFor(
        first,
        clock,
        'a',
        senderFor(teams, 'a', () => 'after-record'),
      ),
      first,
    );
    const second = new SqliteStore(file);
    clock.advance(takeoverMs);
    expect(await runnerFor(second, clock, 'b', senderFor(teams, 'b')).runDue()).toMatchObject({ done: 1 });
    expect(teams.arrived).toEqual([{ conversationId: 'personal-3301', process: 'a' }]);
    expect((await new JobScheduler(second, clock).get('card:hearing-7:3301'))?.receipt).toEqual({
      activityId: 'a:card:hearing-7:3301',
    });
    await second.close();
  });

  it('a hearing to 26 municipalities, the process dying at the tenth card: after restart each has exactly one', async () => {
    const { file, clock, first, ids, teams } = await setup(26);
    let sends = 0;
    await dies(
      runnerFor(
        first,
        clock,
        'a',
        senderFor(teams, 'a', () => (++sends === 10 ? 'after-record' : undefined)),
        1,
      ),
      first,
    );
    expect(teams.arrived).toHaveLength(10);
    const second = new SqliteStore(file);
    clock.advance(takeoverMs);
    expect(await runnerFor(second, clock, 'b', senderFor(teams, 'b')).runDue()).toMatchObject({ done: 17 });
    expect(ids.map((m) => teams.countIn(`personal-${m}`))).toEqual(ids.map(() => 1));
    await second.close();
  });

  it('the window that remains: died after Teams accepted the card but before its id was recorded, it goes twice', async () => {
    // Bot Framework takes no idempotency key on a proactive send, so this window cannot be
    // closed from our side; the design keeps it to one store write. See docs/scheduling.md.
    const { file, clock, first, teams } = await setup(1);
    await dies(
      runnerFor(
        first,
        clock,
        'a',
        senderFor(teams, 'a', () => 'after-send'),
      ),
      first,
    );
    const second = new SqliteStore(file);
    clock.advance(takeoverMs);
    await runnerFor(second, clock, 'b', senderFor(teams, 'b')).runDue();
    expect(teams.countIn('personal-3301')).toBe(2);
    await second.close();
  });
});

describe('the lease on the fake clock: short for a crash, renewed for a live job', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Fake timers move Date too, so the clock follows the runners' poll timers.
  const fakeClock: Clock = { now: () => new Date() };
  const loopRunner = (store: RecordStore, owner: string, handler: JobHandler, extra: { maxRunMs?: number } = {}) =>
    new JobRunner({
      store,
      clock: fakeClock,
      timer: systemTimer,
      owner,
      pollMs: 5_000,
      handlers: untypedJobs({ long: handler }),
      ...extra,
    });
  const sqlite = () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-lease-')), 'samrad.db'));

  it('a process dies holding a due job: the other, polling every 5 s, runs it within 30 s and not before the lease', async () => {
    vi.useFakeTimers({ now: t0 });
    const store = sqlite();
    const counter = new RunCounter();
    await new JobScheduler(store, fakeClock).schedule({
      id: 'reminder:vote-K7P3Q',
      kind: 'long',
      dueAt: t0,
      payload: {},
    });
    const dead = new JobRunner({
      store,
      clock: fakeClock,
      timer: idleTimer,
      owner: 'a',
      handlers: untypedJobs({ long: () => never }),
    });
    void dead.runDue();
    await vi.advanceTimersByTimeAsync(0);
    const b = loopRunner(store, 'b', async ({ job }) => counter.add(job.id));
    b.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(counter.total()).toBe(0); // a's claim is still within its lease
    await vi.advanceTimersByTimeAsync(takeoverMs - 5_000);
    expect(counter.runs.get('reminder:vote-K7P3Q')).toBe(1);
    expect(await new JobScheduler(store, fakeClock).get('reminder:vote-K7P3Q')).toMatchObject({
      state: 'done',
      attempts: 2,
    });
    await b.stop();
    await store.close();
  });

  it('a live job running 3 minutes keeps its lease by heartbeat: a second runner never takes it, it runs once', async () => {
    vi.useFakeTimers({ now: t0 });
    const store = sqlite();
    const counter = new RunCounter();
    const scheduler = new JobScheduler(store, fakeClock);
    await scheduler.schedule({ id: 'archive:minutes:M4TQ2:3', kind: 'long', dueAt: t0, payload: {} });
    const slow: JobHandler = async ({ job }) => {
      counter.add(job.id);
      await new Promise((resolve) => setTimeout(resolve, minutes(3)));
    };
    const a = loopRunner(store, 'a', slow, { maxRunMs: minutes(5) });
    a.start();
    await vi.advanceTimersByTimeAsync(0);
    const b = loopRunner(store, 'b', slow, { maxRunMs: minutes(5) });
    b.start();
    for (let s = 0; s < 4 * 60; s += 5) {
      await vi.advanceTimersByTimeAsync(5_000);
      const job = await scheduler.get('archive:minutes:M4TQ2:3');
      if (job?.state === 'claimed') expect(job.claim?.owner).toBe('a');
    }
    expect(counter.runs.get('archive:minutes:M4TQ2:3')).toBe(1);
    expect(await scheduler.get('archive:minutes:M4TQ2:3')).toMatchObject({ state: 'done', attempts: 1 });
    await Promise.all([a.stop(), b.stop()]);
    await store.close();
  });

  it('a hung handler renews only until the deadline of its attempt; then the job is taken over', async () => {
    vi.useFakeTimers({ now: t0 });
    const store = sqlite();
    const counter = new RunCounter();
    const scheduler = new JobScheduler(store, fakeClock);
    await scheduler.schedule({ id: 'hung', kind: 'long', dueAt: t0, payload: {} });
    const a = loopRunner(
      store,
      'a',
      async ({ job }) => {
        counter.add(job.id);
        await never;
      },
      { maxRunMs: minutes(1) },
    );
    void a.runDue();
    await vi.advanceTimersByTimeAsync(minutes(1) - 1_000);
    expect((await scheduler.get('hung'))?.claim?.owner).toBe('a');
    const b = loopRunner(store, 'b', async ({ job }) => counter.add(job.id));
    b.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(counter.runs.get('hung')).toBe(1); // still renewed by a, not yet past its minute
    await vi.advanceTimersByTimeAsync(takeoverMs + 5_000);
    expect(counter.runs.get('hung')).toBe(2);
    expect(await scheduler.get('hung')).toMatchObject({ state: 'done', attempts: 2 });
    await b.stop();
    await store.close();
  });
});
