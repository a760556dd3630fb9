import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DELIVERY_FAILURES } from '../../src/app/delivery/delivery-failures';
import type { DeliveryFailure } from '../../src/app/delivery/delivery-failures';
import { text } from '../../src/app/reply';
import { messageJob } from '../../src/app/scheduling/outbox';
import { JobScheduler } from '../../src/app/scheduling/scheduler';
import { formatDateTime } from '../../src/i18n/dates';
import { systemClock } from '../../src/ports/clock';
import { message, people } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { arrivals, rememberChats, waitForJobs } from '../fixtures/proactive-fixtures';
import { TeamsLimitEnforcer, busiest } from '../fixtures/teams-limit-enforcer';

let bot: BotUnderTest;
let limits: TeamsLimitEnforcer;
let scheduler: JobScheduler;
let run = 0;

beforeAll(async () => {
  bot = await startBot();
  scheduler = new JobScheduler(bot.samrad.store, systemClock);
});
afterAll(async () => bot.stop());
/** Every `n`th call below any share above 0: injected failures spread evenly, the same on every run. */
const everyNth = (n: number) => {
  let call = 0;
  return () => (call++ % n === 0 ? 0 : 0.99);
};

beforeEach(() => {
  limits = new TeamsLimitEnforcer(Date.now, everyNth(3));
  bot.connector.limits = limits;
  bot.connector.clear();
});

/** Schedules one text message per entry through the outbox, wakes the runner and waits for every job to finish. */
async function distribute(to: readonly string[], timeoutMs = 40_000) {
  run++;
  const texts = to.map((conversationId, i) => `run ${run} message ${i} to ${conversationId}`);
  const ids = to.map((_, i) => `test:${run}:${i}`);
  await scheduler.scheduleMany(
    to.map((conversationId, i) => messageJob(ids[i]!, { conversationId, message: text(texts[i]!) }, new Date())),
  );
  bot.samrad.jobs.wake();
  const jobs = await waitForJobs(bot.samrad.store, ids, timeoutMs);
  return { texts, ids, jobs };
}

const chats = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ conversationId: `${prefix}-${i}` }));

describe('proactive messages through the outbox, against a connector enforcing Teams limits', () => {
  it('a burst of 20 to one conversation: paced under 7/s and 8/2 s, each delivered once, no 429', async () => {
    await rememberChats(bot.samrad.store, bot.connector.url, chats('burst', 1));
    const { texts, jobs } = await distribute(Array.from({ length: 20 }, () => 'burst-0'));
    expect([...jobs.values()].map((j) => j.state)).toEqual(Array.from({ length: 20 }, () => 'done'));
    expect(arrivals(bot.connector, texts)).toEqual({ lost: [], duplicated: [] });
    expect(bot.connector.sent).toHaveLength(20);
    expect(limits.count(429)).toBe(0);
  }, 60_000);

  it('one message each to 120 conversations: paced under the 30/s Teams documents for the tenant, each delivered once, no 429', async () => {
    const many = chats('many', 120);
    await rememberChats(bot.samrad.store, bot.connector.url, many);
    const { texts, jobs } = await distribute(many.map((c) => c.conversationId));
    expect([...jobs.values()].every((j) => j.state === 'done')).toBe(true);
    expect(arrivals(bot.connector, texts)).toEqual({ lost: [], duplicated: [] });
    expect(limits.count(429)).toBe(0);
  }, 60_000);

  it('a blocked conversation is recorded once as a delivery failure; the others are not held up', async () => {
    await bot.post(message(bot.connector.url, people.respondent, 'hjelp')); // Marit's chat is remembered
    const marit = `a:personal-${people.respondent.id}`;
    const others = chats('beside-blocked', 30);
    await rememberChats(bot.samrad.store, bot.connector.url, others);
    bot.connector.clear();
    limits.forbidden.add(marit);
    const to = [marit, marit, ...others.map((c) => c.conversationId)];
    const { texts, ids, jobs } = await distribute(to);

    expect(jobs.get(ids[0]!)).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: 'ConversationBlockedByUser (403)',
    });
    expect(jobs.get(ids[1]!)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(ids.slice(2).map((id) => jobs.get(id)?.state)).toEqual(others.map(() => 'done'));
    expect(arrivals(bot.connector, texts.slice(2))).toEqual({ lost: [], duplicated: [] });
    expect(bot.connector.sent.filter((s) => s.conversationId === marit)).toEqual([]);
    expect(limits.count(403)).toBe(2);

    const failures = (await bot.samrad.store.find<DeliveryFailure>(DELIVERY_FAILURES)).filter(
      (f) => f.value.conversationId === marit,
    );
    expect(failures.map((f) => f.id).sort()).toEqual([ids[0], ids[1]].sort());
    // The store does not promise an order: read each failure by its job's id.
    const first = failures.find((f) => f.id === ids[0]);
    expect(first?.value).toMatchObject({
      aadObjectId: people.respondent.aadObjectId,
      operation: 'send',
      message: texts[0],
      kind: 'blocked-by-user',
      reason: 'ConversationBlockedByUser (403)',
    });
    expect(failures.find((f) => f.id === ids[1])?.value).toMatchObject({ message: texts[1], kind: 'blocked-by-user' });

    // The coordinator sees them, by name and in Oslo time, in the language typed.
    const when = (locale: 'nb' | 'en') => formatDateTime(new Date(first!.value.at), locale);
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, 'leveringsfeil'));
    const nb = bot.connector.texts().join('\n');
    expect(nb).toContain(`${when('nb')}: Marit Kvam (Gol) fikk ikke «${texts[0]}» (personen har blokkert Samråd)`);
    bot.connector.clear();
    await bot.post(
      message(bot.connector.url, people.coordinator, 'delivery failures', { kind: 'personal', locale: 'en-US' }),
    );
    expect(bot.connector.texts().join('\n')).toContain(
      `${when('en')}: Marit Kvam (Gol) did not get “${texts[0]}” (the person blocked Samråd)`,
    );
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.boardMember, 'leveringsfeil'));
    expect(bot.connector.everything()).not.toContain('Marit Kvam');
  }, 60_000);

  it('a third of calls answered 502 and 412: nothing lost, nothing twice', async () => {
    const flaky = chats('flaky', 40);
    await rememberChats(bot.samrad.store, bot.connector.url, flaky);
    limits.fault = { status: 502, share: 0.5 };
    const first = await distribute(flaky.slice(0, 20).map((c) => c.conversationId));
    limits.fault = { status: 412, share: 0.5 };
    const second = await distribute(flaky.slice(20).map((c) => c.conversationId));
    for (const { texts, jobs } of [first, second]) {
      expect([...jobs.values()].every((j) => j.state === 'done')).toBe(true);
      expect(arrivals(bot.connector, texts)).toEqual({ lost: [], duplicated: [] });
    }
    expect(limits.count(502)).toBeGreaterThan(5);
    expect(limits.count(412)).toBeGreaterThan(5);
    expect(bot.connector.sent).toHaveLength(40);
  }, 60_000);

  it('a conversation answering 502 every time: 1 request and 4 retries, then the job is retried later (the SDK does not retry on its own)', async () => {
    await rememberChats(bot.samrad.store, bot.connector.url, chats('down', 1));
    limits.fault = { status: 502, share: 1 };
    await scheduler.schedule(messageJob('test:down', { conversationId: 'down-0', message: text('down') }, new Date()));
    bot.samrad.jobs.wake();
    for (let i = 0; i < 300 && !(await scheduler.get('test:down'))?.lastError; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await scheduler.get('test:down')).toMatchObject({ state: 'pending', attempts: 1 });
    expect(limits.count(502)).toBe(5);
    await scheduler.cancel('test:down');
  }, 30_000);

  it('429s injected beyond the limits (another instance using the budget): waited out, nothing lost, nothing twice', async () => {
    const throttled = chats('throttled', 10);
    await rememberChats(bot.samrad.store, bot.connector.url, throttled);
    limits.fault = { status: 429, share: 0.5 };
    const { texts, jobs } = await distribute(throttled.map((c) => c.conversationId));
    expect([...jobs.values()].every((j) => j.state === 'done')).toBe(true);
    expect(limits.count(429)).toBeGreaterThan(2);
    expect(arrivals(bot.connector, texts)).toEqual({ lost: [], duplicated: [] });
  }, 60_000);

  it('a guest linked by address whose chat is gone (404) and a card too large (413): failures of their kind, not retried; leveringsfeil names her', async () => {
    const siri = `a:personal-${people.guest.id}`;
    bot.connector.members.set(siri, [
      {
        id: people.guest.id,
        name: 'Siri Lie',
        aadObjectId: people.guest.aadObjectId,
        userPrincipalName: 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com',
      },
    ]);
    await bot.post(message(bot.connector.url, people.guest, 'hjelp')); // her chat is remembered, her identity linked by address
    await rememberChats(bot.samrad.store, bot.connector.url, chats('too-large', 1));
    bot.connector.clear();
    limits.refused.set(siri, 'ConversationNotFound');
    run++;
    const big = text('x'.repeat(29 * 1024));
    await scheduler.scheduleMany([
      messageJob(`test:${run}:gone`, { conversationId: siri, message: text(`run ${run} to Siri`) }, new Date()),
      messageJob(`test:${run}:big`, { conversationId: 'too-large-0', message: big }, new Date()),
    ]);
    bot.samrad.jobs.wake();
    const jobs = await waitForJobs(bot.samrad.store, [`test:${run}:gone`, `test:${run}:big`], 20_000);
    expect(jobs.get(`test:${run}:gone`)).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: 'ConversationNotFound (404)',
    });
    expect(jobs.get(`test:${run}:big`)).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: 'MessageSizeTooBig (413)',
    });
    expect([limits.count(404), limits.count(413)]).toEqual([1, 1]);
    const failures = await bot.samrad.store.find<DeliveryFailure>(DELIVERY_FAILURES);
    expect(failures.find((f) => f.id === `test:${run}:gone`)?.value).toMatchObject({
      kind: 'not-found',
      aadObjectId: people.guest.aadObjectId,
    });
    expect(failures.find((f) => f.id === `test:${run}:big`)?.value).toMatchObject({ kind: 'too-large' });

    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, 'leveringsfeil'));
    const nb = bot.connector.texts().join('\n');
    expect(nb).toContain(
      `Siri Lie (Drammen) fikk ikke «run ${run} to Siri» (samtalen finnes ikke lenger, trolig fordi Samråd er fjernet)`,
    );
    expect(nb).toContain('(meldingen var for stor for Teams)');
    limits.refused.delete(siri);
  }, 60_000);

  it('429s without Retry-After: the sender backs off by itself; nothing lost, nothing twice', async () => {
    const bare = chats('bare-429', 6);
    await rememberChats(bot.samrad.store, bot.connector.url, bare);
    limits.fault = { status: 429, share: 0.5, retryAfter: null };
    const { texts, jobs } = await distribute(bare.map((c) => c.conversationId));
    expect([...jobs.values()].every((j) => j.state === 'done')).toBe(true);
    expect(limits.count(429)).toBeGreaterThan(1);
    expect(arrivals(bot.connector, texts)).toEqual({ lost: [], duplicated: [] });
  }, 60_000);

  it('40 messages to one channel and 1 to a personal chat at once: the chat gets its message before the channel is past its first window', async () => {
    await rememberChats(bot.samrad.store, bot.connector.url, [
      { conversationId: 'busy-channel' },
      { conversationId: 'quiet-chat' },
    ]);
    const { texts, jobs } = await distribute([...Array.from({ length: 40 }, () => 'busy-channel'), 'quiet-chat']);
    expect([...jobs.values()].every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);
    expect(arrivals(bot.connector, texts)).toEqual({ lost: [], duplicated: [] });
    const quiet = bot.connector.sent.findIndex((s) => s.conversationId === 'quiet-chat');
    // Teams takes 7 a second in the channel: the 8th has to wait, and the chat's message does not wait behind it.
    expect(quiet).toBeLessThanOrEqual(7);
    expect(limits.count(429)).toBe(0);
    // Teams' windows held in the channel (documented: 7 per 1 s, 8 per 2 s, 60 per 30 s).
    const channel = limits.acceptedIn.get('busy-channel') ?? [];
    expect([busiest(channel, 1_000) <= 7, busiest(channel, 2_000) <= 8, busiest(channel, 30_000) <= 60]).toEqual([
      true,
      true,
      true,
    ]);
  }, 90_000);
});
