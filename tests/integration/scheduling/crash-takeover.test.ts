import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import type { Delivery, MessageSender, SendResult } from '../../../src/app/scheduling/outbox';
import { OUTBOX, messageJob, outboxHandler } from '../../../src/app/scheduling/outbox';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { Clock } from '../../../src/ports/clock';
import type { RecordStore } from '../../../src/ports/record-store';
import { ManualClock, idleTimer, minutes, t0, yieldToOthers } from '../../unit/scheduling/scheduling-fixtures';

const leaseMs = minutes(2);
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

const runnerFor = (store: RecordStore, clock: Clock, process: string, sender: MessageSender, concurrency = 8) =>
  new JobRunner({ store, clock, timer: idleTimer, owner: process, leaseMs, concurrency, handlers: { [OUTBOX]: outboxHandler(sender) } });

const setup = async (municipalities: number) => {
  const file = join(mkdtempSync(join(tmpdir(), 'samrad-outbox-')), 'samrad.db');
  const clock = new ManualClock();
  const first = new SqliteStore(file);
  const ids = Array.from({ length: municipalities }, (_, i) => String(3301 + i));
  await new JobScheduler(first, clock).scheduleMany(
    ids.map((m) => messageJob(`card:hearing-7:${m}`, { conversationId: `personal-${m}`, message: { template: 'hearing-card' } }, t0)),
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
    await dies(runnerFor(first, clock, 'a', senderFor(teams, 'a', () => 'before-send')), first);
    const second = new SqliteStore(file);
    const b = runnerFor(second, clock, 'b', senderFor(teams, 'b'));
    clock.advance(leaseMs - 1);
    expect(await b.runDue()).toMatchObject({ done: 0 });
    clock.advance(1);
    expect(await b.runDue()).toMatchObject({ done: 1 });
    expect(teams.arrived).toEqual([{ conversationId: 'personal-3301', process: 'b' }]);
    await second.close();
  });

  it('(b) died after sending and recording the activity id: the other process does not send again', async () => {
    const { file, clock, first, teams } = await setup(1);
    await dies(runnerFor(first, clock, 'a', senderFor(teams, 'a', () => 'after-record')), first);
    const second = new SqliteStore(file);
    clock.advance(leaseMs);
    expect(await runnerFor(second, clock, 'b', senderFor(teams, 'b')).runDue()).toMatchObject({ done: 1 });
    expect(teams.arrived).toEqual([{ conversationId: 'personal-3301', process: 'a' }]);
    expect((await new JobScheduler(second, clock).get('card:hearing-7:3301'))?.receipt).toEqual({ activityId: 'a:card:hearing-7:3301' });
    await second.close();
  });

  it('a hearing to 26 municipalities, the process dying at the tenth card: after restart each has exactly one', async () => {
    const { file, clock, first, ids, teams } = await setup(26);
    let sends = 0;
    await dies(runnerFor(first, clock, 'a', senderFor(teams, 'a', () => (++sends === 10 ? 'after-record' : undefined)), 1), first);
    expect(teams.arrived).toHaveLength(10);
    const second = new SqliteStore(file);
    clock.advance(leaseMs);
    expect(await runnerFor(second, clock, 'b', senderFor(teams, 'b')).runDue()).toMatchObject({ done: 17 });
    expect(ids.map((m) => teams.countIn(`personal-${m}`))).toEqual(ids.map(() => 1));
    await second.close();
  });

  it('the window that remains: died after Teams accepted the card but before its id was recorded, it goes twice', async () => {
    // Bot Framework takes no idempotency key on a proactive send, so this window cannot be
    // closed from our side; the design keeps it to one store write. See docs/scheduling.md.
    const { file, clock, first, teams } = await setup(1);
    await dies(runnerFor(first, clock, 'a', senderFor(teams, 'a', () => 'after-send')), first);
    const second = new SqliteStore(file);
    clock.advance(leaseMs);
    await runnerFor(second, clock, 'b', senderFor(teams, 'b')).runDue();
    expect(teams.countIn('personal-3301')).toBe(2);
    await second.close();
  });
});
