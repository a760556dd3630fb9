import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import { text } from '../../../src/app/reply';
import { messageJob } from '../../../src/app/scheduling/outbox';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { systemClock } from '../../../src/ports/clock';
import type { ListName, RecordStore, Where } from '../../../src/ports/record-store';
import { StoreError } from '../../../src/ports/record-store';
import type { Timer } from '../../../src/ports/timer';
import { message, people } from '../../fixtures/activities';
import { startBot, type BotUnderTest } from '../../fixtures/bot-under-test';

/** A store whose `jobs` queries the test can make it refuse, as a throttled or failing store would. */
class RefusingStore implements RecordStore {
  refuseJobs = false;
  constructor(private readonly inner: RecordStore) {}
  get<T>(list: ListName, id: string) {
    return this.inner.get<T>(list, id);
  }
  find<T>(list: ListName, where?: Where) {
    if (this.refuseJobs && list === 'jobs') return Promise.reject(new StoreError('STORE.UNAVAILABLE', list, '*'));
    return this.inner.find<T>(list, where);
  }
  create<T>(list: ListName, id: string, value: T) {
    return this.inner.create<T>(list, id, value);
  }
  replace<T>(list: ListName, id: string, value: T, ifMatch: string) {
    return this.inner.replace<T>(list, id, value, ifMatch);
  }
  remove(list: ListName, id: string, ifMatch?: string) {
    return this.inner.remove(list, id, ifMatch);
  }
  close() {
    return this.inner.close();
  }
}

/**
 * The runner's poll timer, stepped by the test: `poll()` runs one pass and waits until the
 * runner has armed the next. Longer waits (a heartbeat) never fire: the handlers here are quick.
 */
class SteppedPolls implements Timer {
  private next: (() => void) | undefined;
  after(ms: number, run: () => void): () => void {
    if (ms > 5_000) return () => {};
    this.next = run;
    return () => {
      if (this.next === run) this.next = undefined;
    };
  }
  async poll(): Promise<void> {
    const run = this.next;
    if (!run) throw new Error('the runner has no poll armed');
    this.next = undefined;
    run();
    while (!this.armed()) await new Promise((r) => setImmediate(r));
  }
  /** Read through a call: the runner arms the next poll between our awaits, which narrowing cannot see. */
  private armed(): boolean {
    return this.next !== undefined;
  }
}

let bot: BotUnderTest;
let store: RefusingStore;
const polls = new SteppedPolls();
const chatOf = (person: { id: string }) => `a:personal-${person.id}`;
const coordinatorChats = [chatOf(people.coordinator), chatOf(people.boardMember)];

/** The sample organisation with a second coordinator: Ola Berg, the chair, helps the secretariat. */
const twoCoordinators = readFileSync(join(__dirname, '..', '..', '..', 'config', 'organisation.yaml'), 'utf8').replace(
  `aadObjectId: ${people.boardMember.aadObjectId}\n`,
  `aadObjectId: ${people.boardMember.aadObjectId}\n    coordinator: true\n`,
);

beforeAll(async () => {
  expect(twoCoordinators).toContain('coordinator: true\n    memberships:\n      - { body: styret');
  store = new RefusingStore(new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-incident-')), 'samrad.db')));
  bot = await startBot({}, { store, timer: polls, organisationYaml: twoCoordinators });
  // Their personal chats are remembered; Marit, not a coordinator, has one too.
  for (const person of [people.coordinator, people.boardMember, people.respondent])
    await bot.post(message(bot.connector.url, person, 'hjelp'));
  await polls.poll();
});
afterAll(async () => bot.stop());

const healthz = async () => {
  const res = await fetch(new URL('/healthz', bot.url));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const logged = (event: string) => bot.logs.filter((l) => (JSON.parse(l) as { event: string }).event === event);
/** How many messages with these words each personal chat got, coordinators first, then Marit's. */
const told = (words: string) =>
  [...coordinatorChats, chatOf(people.respondent)].map(
    (chat) =>
      bot.connector.sent.filter((s) => s.conversationId === chat && (s.activity.text ?? '').includes(words)).length,
  );

describe('when the scheduler itself cannot run', () => {
  it('healthz goes 503 with the reason, the log and the coordinator hear once at the start and once at the end', async () => {
    expect((await healthz()).status).toBe(200);
    bot.connector.clear();
    store.refuseJobs = true;
    await polls.poll();
    await polls.poll();
    expect((await healthz()).status).toBe(200); // two failed passes are a blip

    await polls.poll();
    const down = await healthz();
    expect(down.status).toBe(503);
    expect(down.body.scheduler).toMatchObject({ ready: false, failedPasses: 3 });
    const reason = (down.body.scheduler as { reason: string }).reason;
    expect(reason).toContain('cannot read its jobs');
    expect(JSON.stringify(down.body)).not.toMatch(/\n\s+at |\/work\/|127\.0\.0\.1|samrad\.db/);

    // Meanwhile a use case queues a message: it waits, and so does the scheduler.
    await new JobScheduler(store, systemClock).schedule(
      messageJob(
        'test:held-back',
        { conversationId: chatOf(people.coordinator), message: text('Held back during the outage') },
        new Date(),
      ),
    );
    for (let i = 0; i < 10; i++) await polls.poll();
    await bot.samrad.schedulerHealth.settled();
    expect((await healthz()).status).toBe(503);
    expect(logged('scheduler.unavailable')).toHaveLength(1);
    expect(logged('scheduler.pass-failed').filter((l) => !l.includes('"level":"debug"'))).toEqual([]);
    expect(told('får ikke kjørt planlagt arbeid')).toEqual([1, 1, 0]);
    expect(told('Held back')).toEqual([0, 0, 0]);

    store.refuseJobs = false;
    await polls.poll();
    await polls.poll();
    await bot.samrad.schedulerHealth.settled();
    const up = await healthz();
    expect(up.status).toBe(200);
    expect(up.body.scheduler).toBeUndefined();
    expect(logged('scheduler.recovered')).toHaveLength(1);
    expect(told('får ikke kjørt planlagt arbeid')).toEqual([1, 1, 0]);
    expect(told('kjører igjen')).toEqual([1, 1, 0]);
    expect(told('Held back during the outage')).toEqual([1, 0, 0]);
  }, 30_000);
});
