import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardAction, message, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { boardYaml, coordinatorOf, voterOf } from '../fixtures/large-organisation-yaml';
import { TeamsLimitEnforcer } from '../fixtures/teams-limit-enforcer';

/**
 * Finding 9 of issue 16: the vote card in the channel went stale. Ballots closer than 2 s
 * apart were dropped with no trailing update, and a close typed as a command never touched
 * the posted card. Time is the app's fake clock; the runner never polls by itself (its timer
 * never fires), the test runs what is due.
 */
let now = new Date('2026-11-23T10:00:00.100Z');
let bot: BotUnderTest;
let limits: TeamsLimitEnforcer;
const neverFires = { after: () => () => {} };
beforeAll(async () => {
  bot = await startBot({}, { organisationYaml: boardYaml(7), clock: { now: () => now }, timer: neverFires });
});
afterAll(async () => bot.stop());
beforeEach(() => {
  // Teams' documented limits (in the fixture, not the product): no update may be refused for pace.
  limits = new TeamsLimitEnforcer();
  bot.connector.limits = limits;
  bot.connector.clear();
});

const where = { kind: 'channel' as const };
const press = (from: Person, verb: string, data: object) =>
  bot.post(cardAction(bot.connector.url, from, verb, data, where));
const later = (ms: number) => (now = new Date(now.getTime() + ms));
const updatesOf = (activityText: string) =>
  bot.connector.updated.map((u) => JSON.stringify(u.activity)).filter((a) => a.includes(activityText));

async function openVote(): Promise<string> {
  const opened = await press(coordinatorOf(), 'vote.open', { title: 'Budsjett 2027', body: 'styret', quorum: 'none' });
  return /Avstemning ([A-Z0-9]{5})/.exec(opened.body)![1]!;
}

describe('the vote card in the channel stays current (paced, coalesced, with a trailing update)', () => {
  it('five ballots in 2 s end with "5 av 7 har stemt" on the channel card, in one paced update', async () => {
    const id = await openVote();
    for (let i = 1; i <= 5; i++) {
      expect((await press(voterOf(i), 'vote.cast', { voteId: id, option: 'for' })).status).toBe(200);
      later(300);
    }
    // Nothing is updated inside the turns: the update is a job, through the paced sender.
    expect(bot.connector.updated).toHaveLength(0);
    later(2_000);
    await bot.samrad.jobs.runDue(now);
    const updates = updatesOf(`Avstemning ${id}`);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.at(-1)).toContain('5 av 7 har stemt');
    for (const update of updates) expect(update).not.toContain('Du har stemt'); // no one's own choice on the shared card
    // Coalesced: at most one update per 2 s window the ballots fell in (here two), not five.
    expect(updates.length).toBeLessThanOrEqual(2);
    expect(limits.count(429)).toBe(0);
  });

  it('a ballot after an update gets its own trailing update', async () => {
    const id = await openVote();
    await press(voterOf(1), 'vote.cast', { voteId: id, option: 'for' });
    later(2_100);
    await bot.samrad.jobs.runDue(now);
    await press(voterOf(2), 'vote.cast', { voteId: id, option: 'against' });
    later(2_100);
    await bot.samrad.jobs.runDue(now);
    expect(updatesOf(`Avstemning ${id}`).at(-1)).toContain('2 av 7 har stemt');
  });

  it('`lukk avstemning <id>` typed as a command updates the posted card to the result', async () => {
    const id = await openVote();
    await press(voterOf(1), 'vote.cast', { voteId: id, option: 'for' });
    const typed = await bot.post(message(bot.connector.url, coordinatorOf(), `lukk avstemning ${id}`, where));
    expect(typed.status).toBe(200);
    await bot.samrad.jobs.runDue(now);
    const last = updatesOf(`Avstemning ${id}`).at(-1);
    expect(last).toContain('Vedtatt');
    // The result as a bar chart where Teams draws charts, the same counts as a table where it cannot (part 7).
    expect(last).toMatch(/"type":"Chart.HorizontalBar".*"data":\[\{"x":"For","y":1\}/);
    expect(last).toMatch(/"fallback":\{"type":"FactSet","facts":\[\{"title":"For","value":"1"\}/);
    expect(last).not.toContain('"verb":"vote.cast"');
  });
});
