import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, people, type Person } from '../fixtures/activities';
import { Harness, runCase, type HostileCase } from './harness';
import { createTargets, type Targets } from './setup';

/*
 * Tampered card data: a button's payload edited by hand (another municipality, another voter,
 * unknown or closed votes, stale cards, wrong types) and the same submit twenty times at once.
 */

const deputy: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };
const channel = { kind: 'channel' as const };

let h: Harness;
let x: Targets;
beforeAll(async () => {
  h = await Harness.start();
  x = await createTargets(h);
}, 60_000);
afterAll(() => h.stop());

const press = (from: Person, verb: string, data: () => object) => (hh: Harness) =>
  hh.press(from, verb, data(), channel);
const meetingVersion = async (hh: Harness) =>
  (await hh.bot.samrad.store.get<{ version: number }>('meetings', x.meetingId))!.value.version;
const ballotBox = async (hh: Harness, id: string) =>
  JSON.stringify((await hh.bot.samrad.store.get('ballotBoxes', id))?.value ?? {});

const votes: HostileCase[] = [
  {
    name: 'a ballot in a vote that does not exist',
    send: press(people.respondent, 'vote.cast', () => ({ voteId: 'ZZZZZ', option: 'for' })),
    expect: /Jeg finner ingen avstemning ZZZZZ/,
  },
  {
    name: 'a ballot in a closed vote',
    send: press(people.respondent, 'vote.cast', () => ({ voteId: x.closedVote, option: 'for' })),
    expect: /Avstemningen er lukket\. Stemmen ble ikke registrert/,
  },
  {
    name: 'a ballot for an option the vote does not have',
    send: press(people.respondent, 'vote.cast', () => ({ voteId: x.openVote, option: 'kanskje' })),
    expect: /er ikke et alternativ/,
  },
  {
    name: 'a ballot from someone with no vote in it',
    send: press(deputy, 'vote.cast', () => ({ voteId: x.openVote, option: 'for' })),
    expect: /har ikke stemmerett/,
  },
  {
    name: 'a ballot with the option as an object',
    send: press(people.respondent, 'vote.cast', () => ({ voteId: x.openVote, option: { $ne: null } })),
    expect: /er ikke et alternativ|Ingenting er registrert/,
  },
  {
    name: 'a ballot with the vote id as a number',
    send: press(people.respondent, 'vote.cast', () => ({ voteId: 12345, option: 'for' })),
    expect: /Jeg finner ingen avstemning/,
  },
  {
    name: 'a ballot with a path as the vote id',
    send: press(people.respondent, 'vote.cast', () => ({ voteId: '../../ballotBoxes/x', option: 'for' })),
    expect: /Jeg finner ingen avstemning/,
  },
  {
    name: 'a ballot with a 10,000-character vote id',
    send: press(people.respondent, 'vote.cast', () => ({ voteId: 'A'.repeat(10_000), option: 'for' })),
    expect: /Jeg finner ingen avstemning/,
  },
  {
    name: 'a ballot with no data at all',
    send: press(people.respondent, 'vote.cast', () => ({})),
    expect: /Jeg finner ingen avstemning/,
  },
  {
    name: 'a close of a closed vote by a member',
    send: press(people.respondent, 'vote.close', () => ({ voteId: x.closedVote })),
    expect: /Bare koordinatoren, den som åpnet/,
  },
  {
    name: 'a refresh of a vote that does not exist',
    send: press(people.respondent, 'vote.refresh', () => ({ voteId: 'QQQQQ' })),
    expect: /Jeg finner ingen avstemning QQQQQ/,
  },
  {
    name: 'a ballot naming another voter in the payload counts as the presser’s own',
    send: press(people.respondent, 'vote.cast', () => ({
      voteId: x.openVote,
      option: 'against',
      voter: 'ola-berg',
      memberId: 'ola-berg',
      key: 'ola-berg',
      from: { id: people.boardMember.id },
    })),
    expect: /Du har stemt: Mot/,
    changes: true,
    then: async (hh) => {
      const box = await ballotBox(hh, x.openVote);
      expect(box).toContain('marit-kvam');
      expect(box).not.toContain('ola-berg');
    },
  },
  {
    name: 'twenty identical ballots at once count once',
    send: async (hh) => {
      hh.bot.connector.clear();
      const same = cardAction(hh.url, people.boardMember, 'vote.cast', { voteId: x.openVote, option: 'for' }, channel);
      const results = await Promise.all(Array.from({ length: 20 }, () => hh.bot.post(same)));
      return { statuses: results.map((r) => r.status), text: results.map((r) => r.body).join('\n') };
    },
    expect: /Du har stemt: For/,
    changes: true,
    then: async (hh) => {
      const box = JSON.parse(await ballotBox(hh, x.openVote)) as { ballots: { voterKey: string }[] };
      expect(box.ballots.filter((b) => b.voterKey === 'ola-berg')).toHaveLength(1);
    },
  },
];

const input: HostileCase[] = [
  {
    name: 'input for a municipality the respondent does not answer for',
    send: async (hh) =>
      hh.press(people.respondent, 'input.submit', {
        meetingId: x.meetingId,
        version: await meetingVersion(hh),
        municipality: '3301',
        'position-0': 'support',
        'position-1': 'support',
      }),
    expect: /svarer ikke for/,
  },
  {
    name: 'input from a card made before the agenda changed',
    send: press(people.respondent, 'input.submit', () => ({
      meetingId: x.meetingId,
      version: 0,
      municipality: '3324',
      'position-0': 'support',
      'position-1': 'support',
    })),
    expect: /Sakslisten er endret/,
  },
  {
    name: 'input for a meeting that does not exist',
    send: press(people.respondent, 'input.submit', () => ({ meetingId: 'NOPE0', version: 1, municipality: '3324' })),
    expect: /Det er ikke bedt om innspill til møtet NOPE0/,
  },
  {
    name: 'input with a position that does not exist',
    send: async (hh) =>
      hh.press(people.respondent, 'input.submit', {
        meetingId: x.meetingId,
        version: await meetingVersion(hh),
        municipality: '3324',
        'position-0': 'hack',
        'position-1': 'DROP TABLE',
      }),
    expect: /standpunkt/,
  },
  {
    name: 'twenty identical input submits at once are recorded once',
    send: async (hh) => {
      hh.bot.connector.clear();
      const data = {
        meetingId: x.meetingId,
        version: await meetingVersion(hh),
        municipality: '3324',
        'position-0': 'support',
        'position-1': 'against',
        'text-1': 'Samme svar.',
      };
      const same = cardAction(hh.url, people.respondent, 'input.submit', data, channel);
      const results = await Promise.all(Array.from({ length: 20 }, () => hh.bot.post(same)));
      return { statuses: results.map((r) => r.status), text: results.map((r) => r.body).join('\n') };
    },
    expect: /Svaret er sendt inn/,
    changes: true,
    then: async (hh) => {
      const stored = await hh.bot.samrad.store.get<{ answers: { status: string }[] }>(
        'inputAnswers',
        `${x.meetingId}:3324`,
      );
      expect(stored?.value.answers.filter((a) => a.status === 'submitted')).toHaveLength(1);
    },
  },
];

const hearings: HostileCase[] = [
  {
    name: 'a hearing response for a municipality the respondent does not answer for',
    send: press(people.respondent, 'hearing.submit', () => ({
      hearingId: x.hearingId,
      version: 1,
      municipality: '3301',
      position: 'agree',
    })),
    expect: /Du svarer ikke for|svarer ikke for/,
  },
  {
    name: 'a hearing response for a hearing that does not exist',
    send: press(people.respondent, 'hearing.submit', () => ({
      hearingId: 'HHHHH',
      version: 1,
      municipality: '3324',
      position: 'agree',
    })),
    expect: /Fant ingen høring HHHHH/,
  },
  {
    name: 'a hearing response for a municipality that is not a member',
    send: press(people.respondent, 'hearing.submit', () => ({
      hearingId: x.hearingId,
      version: 1,
      municipality: '9999',
      position: 'agree',
    })),
    expect: /svarer ikke for|er ikke medlem/,
  },
  {
    name: 'a hearing response from a card made before the deadline changed',
    send: press(people.respondent, 'hearing.submit', () => ({
      hearingId: x.hearingId,
      version: 0,
      municipality: '3324',
      position: 'agree',
    })),
    expect: /Fristen er endret/,
  },
  {
    name: 'a hearing status for a hearing that does not exist',
    send: press(people.respondent, 'hearing.status', () => ({ hearingId: '<script>' })),
    expect: /Fant ingen høring/,
  },
];

const other: HostileCase[] = [
  {
    name: 'a button whose verb the bot never made',
    send: press(people.respondent, 'admin.deleteEverything', () => ({})),
    expect: /Dette kortet er utdatert/,
  },
  {
    name: 'a button with a prototype-polluting verb',
    send: press(people.respondent, '__proto__', () => ({})),
    expect: /Dette kortet er utdatert/,
  },
  {
    name: 'a button with a constructor verb',
    send: press(people.respondent, 'constructor', () => ({ constructor: { prototype: { admin: true } } })),
    expect: /Dette kortet er utdatert/,
  },
  {
    name: 'a case added to a meeting that does not exist',
    send: press(people.coordinator, 'agenda.add', () => ({ meetingId: 'NOPE1', title: 'X', proposal: 'Y' })),
    expect: /Jeg finner ikke møtet NOPE1/,
  },
  {
    name: 'a follow-up task marked done that does not exist',
    send: press(people.respondent, 'follow-up.done', () => ({ taskId: 'nope' })),
    expect: /Jeg finner ikke oppfølgingsoppgaven|oppfølging/,
  },
  {
    name: 'minutes approved for a meeting with no minutes',
    send: press(people.respondent, 'minutes.approve', () => ({ meetingId: x.meetingId, version: 1 })),
    expect: /Det finnes ingen protokoll/,
  },
];

describe('hostile: tampered card data', () => {
  for (const [title, cases] of [
    ['votes', votes],
    ['input before a meeting', input],
    ['hearings', hearings],
    ['other buttons', other],
  ] as const) {
    describe(title, () => {
      for (const c of cases) it(c.name, () => runCase(h, c));
    });
  }
});
