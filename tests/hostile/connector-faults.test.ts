import { afterAll, beforeAll, describe, it } from 'vitest';
import { people } from '../fixtures/activities';
import { TeamsLimitEnforcer } from '../fixtures/teams-limit-enforcer';
import { Harness, runCase, type Answer, type HostileCase } from './harness';
import { createTargets, type Targets } from './setup';

/*
 * Connector storms: every send to Teams refused with 429, 5xx, 403 or 404 while a person is
 * answered. The person cannot be reached, so the case asks for a clean HTTP answer to Teams,
 * nothing stored, and the bot serving again once the storm is over. Disk-full and kill -9
 * faults live in integration tests of their own (turn-errors, hearing-distribution-crash).
 */

let h: Harness;
let x: Targets;
beforeAll(async () => {
  h = await Harness.start();
  x = await createTargets(h);
}, 60_000);
afterAll(() => h.stop());

const channel = { kind: 'channel' as const };

/** Runs `request` with every connector write answered `status`; the storm ends with the request. */
const storm = (status: number, request: (hh: Harness) => Promise<Answer>) => async (hh: Harness) => {
  const limits = new TeamsLimitEnforcer(Date.now, () => 0);
  limits.fault = { status, share: 1 };
  hh.bot.connector.limits = limits;
  try {
    return await request(hh);
  } finally {
    hh.bot.connector.limits = undefined;
  }
};

const replyStorms: HostileCase[] = [429, 500, 502, 503, 403, 404].map((status) => ({
  name: `every reply refused with ${status} while the coordinator types «hjelp»`,
  send: storm(status, (hh) => hh.say(people.coordinator, 'hjelp')),
  expect: { status: 200 },
}));

const otherStorms: HostileCase[] = [
  {
    name: 'a 403 storm while a member asks for the agenda',
    send: storm(403, (hh) => hh.say(people.respondent, `saksliste ${x.meetingId}`)),
    expect: { status: 200 },
  },
  {
    name: 'a 404 storm on a command in a channel',
    send: storm(404, (hh) => hh.say(people.coordinator, 'møter', channel)),
    expect: { status: 200 },
  },
  {
    name: 'a ballot is answered and counted while every update of the shared card is refused with 503',
    send: storm(503, (hh) => hh.press(people.respondent, 'vote.cast', { voteId: x.openVote, option: 'for' }, channel)),
    expect: /Du har stemt: For/,
    changes: true,
  },
  {
    name: 'a refresh is answered while Teams answers 429 to every send',
    send: storm(429, (hh) => hh.press(people.boardMember, 'vote.refresh', { voteId: x.openVote }, channel)),
    expect: /har stemt/,
  },
];

describe('hostile: connector storms', () => {
  for (const [title, cases] of [
    ['replies', replyStorms],
    ['other requests', otherStorms],
  ] as const) {
    describe(title, () => {
      for (const c of cases) it(c.name, () => runCase(h, c), 60_000);
    });
  }
});
