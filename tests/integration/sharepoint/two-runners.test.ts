import { afterEach, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { OUTBOX, messageJob, outboxHandler, outboxPayload } from '../../../src/app/scheduling/outbox';
import type { MessageSender } from '../../../src/app/scheduling/outbox';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { RecordStore } from '../../../src/ports/record-store';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { sharePointStoreOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';
import { ManualClock, RunCounter, idleTimer, t0, yieldToOthers } from '../../unit/scheduling/scheduling-fixtures';
import { defineJob, jobRegistry } from '../../../src/app/scheduling/job-registry';

let fake: FakeGraph | undefined;
afterEach(async () => fake?.close());

/** A channel that counts what it was asked to send, by job id. */
const countingSender = (counter: RunCounter): MessageSender => ({
  send: async (delivery) => {
    await yieldToOthers();
    counter.add(delivery.idempotencyKey);
    await delivery.recordSent(`activity-${delivery.idempotencyKey}`);
    return { activityId: `activity-${delivery.idempotencyKey}` };
  },
});

describe('two bot instances sharing one SharePoint site (App Service scale-out)', () => {
  for (const share of [0, 0.3]) {
    it(`each outbox message is sent exactly once by one of two JobRunners${share ? ', with 30% of calls throttled' : ''}`, async () => {
      fake = await FakeGraph.start();
      const policy = { maxAttempts: 40, maxTotalWaitMs: 10 ** 9, sleep: async () => {} };
      const [storeA, storeB] = [await sharePointStoreOnFake(fake, policy), await sharePointStoreOnFake(fake, policy)];
      const clock = new ManualClock();
      const messages = Array.from({ length: 60 }, (_, i) =>
        messageJob(
          `hearing:h1:municipality:${String(i).padStart(3, '0')}`,
          { conversationId: `c${i}`, message: { template: 'hearing' } },
          t0,
        ),
      );
      await new JobScheduler(storeA, clock).scheduleMany(messages);
      fake.setThrottle({ share, seed: 11 });

      const counter = new RunCounter();
      const runner = (store: RecordStore, owner: string, start: number) =>
        new JobRunner({
          store,
          clock,
          timer: idleTimer,
          owner,
          handlers: jobRegistry(defineJob(OUTBOX, outboxPayload, outboxHandler(countingSender(counter)))),
          random: () => start,
        });
      const [a, b] = await Promise.all([
        runner(storeA, 'instance-a', 0).runDue(),
        runner(storeB, 'instance-b', 0).runDue(),
      ]);

      expect(counter.duplicates()).toEqual([]);
      expect(counter.runs.size).toBe(60);
      expect(a.done + b.done).toBe(60);
      expect(a.error + b.error + a.lost + b.lost).toBe(0);
      expect(a.skipped + b.skipped).toBeGreaterThan(0); // they did compete for the same jobs
      fake.setThrottle({ share: 0 });
      const done = await new JobScheduler(storeB, clock).list({ state: 'done' });
      expect(done).toHaveLength(60);
      expect(done.every((j) => j.receipt?.activityId === `activity-${j.id}`)).toBe(true);
    });
  }
});
