import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { seedForTab, type TabSeed } from '../fixtures/tab-seed';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

const now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let seed: TabSeed;
let origin = '';

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
  origin = new URL(bot.url).origin;
  seed = await seedForTab(bot);
});
afterAll(async () => bot.stop());

const tokenFor = async (person: string): Promise<string> => {
  const res = await fetch(`${origin}/tab-host/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ person }),
  });
  return ((await res.json()) as { token: string }).token;
};
const call = async (person: string, path: string, body?: unknown, lang = 'nb') => {
  const res = await fetch(`${origin}/tab/api/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${await tokenFor(person)}`,
      'accept-language': lang,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('the meeting side panel: the agenda with input, and the chair opens the vote', () => {
  it("shows the person's meeting with each case's input summary; only the chair is offered to open a vote", async () => {
    const chair = (await call('board-member', 'meeting')).body.agenda;
    expect(chair).toMatchObject({ meetingId: seed.meetingId, mayOpenVote: true });
    expect(chair.cases.map((c: { title: string }) => c.title)).toEqual(['Handlingsplan 2027', 'Budsjett 2027']);
    expect(chair.cases[0].input).toMatchObject({ notAnswered: 21, counts: { support: 0, against: 0 } });
    const member = (await call('respondent', 'meeting')).body.agenda;
    expect(member.meetingId).toBe(seed.meetingId);
    expect(member.mayOpenVote).toBe(false);
  });

  it('counts input as it arrives', async () => {
    const item = (await call('respondent', 'my-work')).body.items.find((i: { kind: string }) => i.kind === 'input');
    await call('respondent', 'actions/input.submit', {
      meetingId: item.meetingId,
      version: item.meetingVersion,
      municipality: item.municipality,
      'position-0': 'against',
      'position-1': 'support',
      actionId: 'in-1',
    });
    const cases = (await call('board-member', 'meeting')).body.agenda.cases;
    expect(cases[0].input).toMatchObject({ notAnswered: 20, counts: { against: 1 }, majority: 'against' });
  });

  it("a member may not open the vote; the chair opens it on the case through the card's vote.open, and it runs in the panel", async () => {
    const ref = (await call('board-member', 'meeting')).body.agenda.cases[1].ref;
    const refused = await call('respondent', 'actions/vote.open', { case: ref, title: '', body: '', actionId: 'v0' });
    expect(refused.status).toBe(403);
    const opened = await call('board-member', 'actions/vote.open', { case: ref, title: '', body: '', actionId: 'v1' });
    expect(opened.status).toBe(200);
    const votes = (await call('respondent', 'meeting')).body.votes;
    const vote = votes.find((v: { title: string }) => v.title === 'Budsjett 2027');
    expect(vote).toMatchObject({ state: 'open', caseNumber: expect.stringMatching(/\/2026$/) });
    expect(vote.castable.length).toBe(1);
  });
});
