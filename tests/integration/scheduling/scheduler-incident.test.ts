import { mkdtempSync } from 'node:fs';
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
    while (!this.next) await new Promise((r) => setImmediate(r));
  }
}

let bot: BotUnderTest;
let store: RefusingStore;
const polls = new SteppedPolls();
const coordinatorChat = `a:personal-${people.coordinator.id}`;

beforeAll(async () => {
  store = new RefusingStore(new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-incident-')), 'samrad.db')));
  bot = await startBot({}, { store, timer: polls });
  await bot.post(message(bot.connector.url, people.coordinator, 'hjelp')); // her personal chat is remembered
  await polls.poll();
});
afterAll(async () => bot.stop());

const healthz = async () => {
  const res = await fetch(new URL('/healthz', bot.url));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const logged = (event: string) => bot.logs.filter((l) => (JSON.parse(l) as { event: string }).event === event);
const toCoordinator = (words: string) => bot.connector.sent.filter((s) => s.conversationId === coordinatorChat && (s.activity.text ?? '').includes(words));

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
    const reason = String((down.body.scheduler as { reason: string }).reason);
    expect(reason).toContain('cannot read its jobs');
    expect(JSON.stringify(down.body)).not.toMatch(/\n\s+at |\/work\/|127\.0\.0\.1|samrad\.db/);

    // Meanwhile a use case queues a message: it waits, and so does the scheduler.
    await new JobScheduler(store, systemClock).schedule(messageJob('test:held-back', { conversationId: coordinatorChat, message: text('Held back during the outage') }, new Date()));
    for (let i = 0; i < 10; i++) await polls.poll();
    await bot.samrad.schedulerHealth.settled();
    expect((await healthz()).status).toBe(503);
    expect(logged('scheduler.unavailable')).toHaveLength(1);
    expect(logged('scheduler.pass_failed').filter((l) => !l.includes('"level":"debug"'))).toEqual([]);
    expect(toCoordinator('får ikke kjørt planlagt arbeid')).toHaveLength(1);
    expect(toCoordinator('Held back')).toHaveLength(0);

    store.refuseJobs = false;
    await polls.poll();
    await polls.poll();
    await bot.samrad.schedulerHealth.settled();
    const up = await healthz();
    expect(up.status).toBe(200);
    expect(up.body.scheduler).toBeUndefined();
    expect(logged('scheduler.recovered')).toHaveLength(1);
    expect(toCoordinator('får ikke kjørt planlagt arbeid')).toHaveLength(1);
    expect(toCoordinator('kjører igjen')).toHaveLength(1);
    expect(toCoordinator('Held back during the outage')).toHaveLength(1);
  }, 30_000);
});
