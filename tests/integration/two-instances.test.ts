import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../src/app/reply';
import { messageJob } from '../../src/app/scheduling/outbox';
import { JobScheduler } from '../../src/app/scheduling/scheduler';
import { systemClock } from '../../src/ports/clock';
import type { Azurite } from '../fixtures/azurite';
import { freshTableName, startAzurite } from '../fixtures/azurite';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { Started } from '../fixtures/started';
import { arrivals, rememberChats, waitForJobs } from '../fixtures/proactive-fixtures';
import { DOCUMENTED, TeamsLimitEnforcer, busiest } from '../fixtures/teams-limit-enforcer';

/**
 * Two instances of Samråd, each its own composition with its own SQLite file, sharing one
 * Azure Table (Azurite) for the machinery and Teams' budget, both sending to one connector
 * that enforces Teams' documented limits for the tenant and each conversation.
 */
let azurite: Azurite;
let a: BotUnderTest;
let b: BotUnderTest;
let limits: TeamsLimitEnforcer;

const started = new Started();
beforeAll(async () => {
  azurite = started.add(await startAzurite(), (x) => x.stop());
  const tables = { connectionString: azurite.connectionString, table: freshTableName('twoinstances') };
  a = started.add(await startBot({ tables }), (x) => x.stop());
  b = started.add(await startBot({ tables }), (x) => x.stop());
  limits = new TeamsLimitEnforcer(Date.now);
  a.connector.limits = limits;
}, 60_000);
afterAll(() => started.stopAll());

/** Jobs each instance finished, from its log's scheduler passes. */
const doneBy = (bot: BotUnderTest) =>
  bot.logs
    .filter((l) => l.includes('scheduler.pass'))
    .reduce((n, l) => n + Number(/"done":(\d+)/.exec(l)?.[1] ?? 0), 0);

describe('two instances sharing Table Storage', () => {
  it('see the same machinery: a conversation remembered by one is known to the other', async () => {
    await rememberChats(a.samrad.store, a.connector.url, [{ conversationId: 'shared-chat' }]);
    expect((await b.samrad.store.get('conversations', 'shared-chat'))?.value).toMatchObject({ kind: 'personal' });
  });

  it('keep together under the tenant’s 30/s and each conversation’s windows: no 429, each message once, both sending', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ conversationId: `two-${i}` }));
    await rememberChats(a.samrad.store, a.connector.url, [...many, { conversationId: 'two-burst' }]);
    a.connector.clear();
    const to = [...many.map((c) => c.conversationId), ...Array.from({ length: 16 }, () => 'two-burst')];
    const texts = to.map((c, i) => `message ${i} to ${c}`);
    const ids = to.map((_, i) => `two:${i}`);
    const before = { a: doneBy(a), b: doneBy(b) };
    await new JobScheduler(a.samrad.store, systemClock).scheduleMany(
      to.map((conversationId, i) => messageJob(ids[i]!, { conversationId, message: text(texts[i]!) }, new Date())),
    );
    a.samrad.jobs.wake();
    b.samrad.jobs.wake();
    const jobs = await waitForJobs(a.samrad.store, ids, 150_000);

    expect([...jobs.values()].filter((j) => j.state !== 'done')).toEqual([]);
    expect(arrivals(a.connector, texts)).toEqual({ lost: [], duplicated: [] });
    expect(a.connector.sent).toHaveLength(texts.length);
    expect(limits.count(429)).toBe(0);
    // What the enforcer accepted keeps Teams' windows (written in the fixture from the docs).
    expect(busiest(limits.acceptedAt, 1_000)).toBeLessThanOrEqual(DOCUMENTED.perTenant[0]!.limit);
    const burst = limits.acceptedIn.get('two-burst') ?? [];
    for (const w of DOCUMENTED.perConversation) expect(busiest(burst, w.ms)).toBeLessThanOrEqual(w.limit);
    // Both instances took part, so the budget was really shared.
    expect(doneBy(a) - before.a).toBeGreaterThan(0);
    expect(doneBy(b) - before.b).toBeGreaterThan(0);
  }, 180_000);
});
