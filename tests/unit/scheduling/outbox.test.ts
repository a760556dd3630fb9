import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { Job } from '../../../src/app/scheduling/job';
import { JOBS, claimedBy } from '../../../src/app/scheduling/job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import type { Delivery, MessageSender, SendResult } from '../../../src/app/scheduling/outbox';
import { OUTBOX, messageJob, outboxHandler, outboxPayload } from '../../../src/app/scheduling/outbox';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { ManualClock, idleTimer, t0 } from './scheduling-fixtures';
import { defineJob, jobRegistry } from '../../../src/app/scheduling/job-registry';

/** A sender that records what it sent; `answer` decides each send. */
class FakeSender implements MessageSender {
  readonly sent: Delivery[] = [];
  constructor(
    private readonly answer: (d: Delivery) => Promise<SendResult> = async (d) => ({
      activityId: `act-${d.idempotencyKey}`,
    }),
  ) {}
  async send(delivery: Delivery): Promise<SendResult> {
    const result = await this.answer(delivery);
    if ('activityId' in result) this.sent.push(delivery);
    return result;
  }
}

const setup = (sender: MessageSender, afterSent?: Parameters<typeof outboxHandler>[1]) => {
  const store = new MemoryStore();
  const clock = new ManualClock();
  const runner = new JobRunner({
    store,
    clock,
    timer: idleTimer,
    owner: 'a',
    handlers: jobRegistry(defineJob(OUTBOX, outboxPayload, outboxHandler(sender, afterSent))),
  });
  return { runner, clock, store, scheduler: new JobScheduler(store, clock) };
};
const card = (id: string) =>
  messageJob(id, { conversationId: 'conv-3301', message: { template: 'hearing-card', hearingId: 'h7' } }, t0);

describe('outbox', () => {
  it('sends once, passing the job id as idempotency key, and keeps the activity id on the job', async () => {
    const sender = new FakeSender(async (d) => {
      await d.recordSent('act-1');
      return { activityId: 'act-1' };
    });
    const { runner, scheduler } = setup(sender);
    await scheduler.schedule(card('card:h7:3301'));
    await runner.runDue();
    await runner.runDue();
    expect(sender.sent.map((d) => [d.conversationId, d.idempotencyKey, d.attempt])).toEqual([
      ['conv-3301', 'card:h7:3301', 1],
    ]);
    expect(await scheduler.get('card:h7:3301')).toMatchObject({ state: 'done', receipt: { activityId: 'act-1' } });
  });

  it('records the activity id itself when the sender does not', async () => {
    const { runner, scheduler } = setup(new FakeSender());
    await scheduler.schedule(card('c1'));
    await runner.runDue();
    expect((await scheduler.get('c1'))?.receipt).toEqual({ activityId: 'act-c1' });
  });

  it('does not send a job that already has an activity id, but still runs the follow-up', async () => {
    const sender = new FakeSender();
    const followUps: string[] = [];
    const { runner, scheduler, store, clock } = setup(
      sender,
      async (s) => void followUps.push(`${s.jobId}=${s.activityId}`),
    );
    await scheduler.schedule(card('c1'));
    // As a runner that died after sending leaves it: claimed, lease running, activity id recorded.
    const record = (await store.get<Job>(JOBS, 'c1'))!;
    const sentByDeadRunner = { ...claimedBy(record.value, 'dead', t0, 60_000), receipt: { activityId: 'act-earlier' } };
    await store.replace(JOBS, 'c1', sentByDeadRunner, record.etag);
    clock.advance(60_000);
    expect(await runner.runDue()).toMatchObject({ done: 1 });
    expect(sender.sent).toHaveLength(0);
    expect(followUps).toEqual(['c1=act-earlier']);
    expect(await scheduler.get('c1')).toMatchObject({
      state: 'done',
      attempts: 2,
      receipt: { activityId: 'act-earlier' },
    });
  });

  it('fails an undeliverable message at once, visible with its reason', async () => {
    const { runner, scheduler } = setup(new FakeSender(async () => ({ undeliverable: 'bot blocked by user (403)' })));
    await scheduler.schedule(card('c1'));
    await runner.runDue();
    expect(await scheduler.list({ state: 'failed' })).toMatchObject([
      { id: 'c1', attempts: 1, lastError: 'bot blocked by user (403)' },
    ]);
  });

  it('retries a transient failure and sends on the next attempt', async () => {
    let calls = 0;
    const sender = new FakeSender(async (d) => {
      if (++calls === 1) throw new Error('502 Bad Gateway');
      return { activityId: `act-${d.attempt}` };
    });
    const { runner, scheduler, clock } = setup(sender);
    await scheduler.schedule(card('c1'));
    await runner.runDue();
    expect(await scheduler.get('c1')).toMatchObject({ state: 'pending', lastError: '502 Bad Gateway' });
    clock.advance(60 * 60_000);
    await runner.runDue();
    expect(sender.sent.map((d) => d.attempt)).toEqual([2]);
    expect(await scheduler.get('c1')).toMatchObject({ state: 'done', receipt: { activityId: 'act-2' } });
  });
});
