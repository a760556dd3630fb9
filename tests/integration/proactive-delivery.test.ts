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
import { TeamsLimitEnforcer } from '../fixtures/teams-limit-enforcer';

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
  await scheduler.scheduleMany(to.map((conversationId, i) => messageJob(ids[i]!, { conversationId, message: text(texts[i]!) }, new Date())));
  bot.samrad.jobs.wake();
  const jobs = await waitForJobs(bot.samrad.store, ids, timeoutMs);
  return { texts, ids, jobs };
}

const chats = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ conversationId: `${prefix}-${i}` }));

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

    expect(jobs.get(ids[0]!)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'ConversationBlockedByUser (403)' });
    expect(jobs.get(ids[1]!)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(ids.slice(2).map((id) => jobs.get(id)?.state)).toEqual(others.map(() => 'done'));
    expect(arrivals(bot.connector, texts.slice(2))).toEqual({ lost: [], duplicated: [] });
    expect(bot.connector.sent.filter((s) => s.conversationId === marit)).toEqual([]);
    expect(limits.count(403)).toBe(2);

    const failures = (await bot.samrad.store.find<DeliveryFailure>(DELIVERY_FAILURES)).filter((f) => f.value.conversationId === marit);
    expect(failures.map((f) => f.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(failures[0]?.value).toMatchObject({ aadObjectId: people.respondent.aadObjectId, operation: 'send', message: texts[0] });

    // The coordinator sees them, by name and in Oslo time, in the language typed.
    const when = (locale: 'nb' | 'en') => formatDateTime(new Date(failures[0]!.value.at), locale);
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, 'leveringsfeil'));
    const nb = bot.connector.texts().join('\n');
    expect(nb).toContain(`${when('nb')}: Marit Kvam fikk ikke «${texts[0]}»`);
    expect(nb).toContain('blokkert eller fjernet');
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, 'delivery failures', { kind: 'personal', locale: 'en-US' }));
    expect(bot.connector.texts().join('\n')).toContain(`${when('en')}: Marit Kvam did not get “${texts[0]}”`);
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
    for (let i = 0; i < 300 && !(await scheduler.get('test:down'))?.lastError; i++) await new Promise((r) => setTimeout(r, 50));
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
});
