import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { Harness, runCase, type HostileCase } from './harness';
import { createTargets, type Targets } from './setup';

/*
 * Identity: people the organisation does not know, and members using the coordinator's
 * commands and buttons. Other tenants are in tenant.test.ts (production mode). Add cases to the tables.
 */

const NOT_ROLE_NB = /hører ikke til rollen din/;
const NOT_ROLE_EN = /is not part of your role/;
const UNKNOWN_NB = /Jeg kjenner deg ikke igjen/;
const UNKNOWN_EN = /I don't know you yet/;

/** A deputy for Hole: a member of the board, but not its chair and not the coordinator. */
const deputy: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };

let h: Harness;
let x: Targets;
beforeAll(async () => {
  h = await Harness.start();
  x = await createTargets(h);
}, 60_000);
afterAll(() => h.stop());

/** The coordinator's commands, with an argument where one is needed; `x` is filled in when run. */
const coordinatorCommands: [nb: string, en: string][] = [
  ['last organisasjon', 'reload organisation'],
  ['synkroniser', 'sync'],
  ['nytt møte Hemmelig møte', 'new meeting Secret meeting'],
  ['ny sak {meeting} Innsmett', 'new case {meeting} Sneaked in'],
  ['trekk sak 2/2026', 'withdraw case 2/2026'],
  ['flytt møte {meeting} 2026-12-20 10:00', 'move meeting {meeting} 2026-12-20 10:00'],
  ['avlys møte {meeting} fordi', 'cancel meeting {meeting} because'],
  ['be om innspill {meeting}', 'request input {meeting}'],
  ['ny høring Falsk høring', 'new hearing Fake hearing'],
  ['sammenstill høring {hearing}', 'compile hearing {hearing}'],
  ['forleng høring {hearing} 2026-12-30', 'extend hearing {hearing} 2026-12-30'],
  ['lukk høring {hearing}', 'close hearing {hearing}'],
];
const fill = (s: string) => s.replace('{meeting}', x.meetingId).replace('{hearing}', x.hearingId);

const commandCases: HostileCase[] = coordinatorCommands.flatMap(([nb, en]) => [
  { name: `a respondent types «${nb}»`, send: (hh) => hh.say(people.respondent, fill(nb)), expect: NOT_ROLE_NB },
  { name: `a deputy types «${nb}»`, send: (hh) => hh.say(deputy, fill(nb)), expect: NOT_ROLE_NB },
  {
    name: `a respondent types "${en}" and is answered in English`,
    send: (hh) => hh.say(people.respondent, fill(en)),
    expect: NOT_ROLE_EN,
  },
]);

const stranger = people.stranger;
const strangerCases: HostileCase[] = [
  ...[
    'hjelp',
    'møter',
    `saksliste {meeting}`,
    'stemmer',
    'gi innspill',
    'svar høring',
    'nytt møte',
    'synkroniser',
    'hvem er jeg',
  ].map((text): HostileCase => ({
    name: `an unknown person types «${text}»`,
    send: (hh) => hh.say(stranger, fill(text)),
    expect: UNKNOWN_NB,
  })),
  { name: 'an unknown person types "help" in English', send: (hh) => hh.say(stranger, 'help'), expect: UNKNOWN_EN },
  {
    name: 'a guest not yet linked presses on: «nytt møte»',
    send: (hh) => hh.say(people.guest, 'nytt møte'),
    expect: UNKNOWN_NB,
  },
  {
    name: 'an unknown person with no Entra id types «hjelp»',
    send: (hh) => hh.say({ id: '29:nobody', name: 'Ingen' }, 'hjelp'),
    expect: UNKNOWN_NB,
  },
  {
    name: 'an unknown person who calls himself the coordinator',
    send: (hh) => hh.say({ ...stranger, name: people.coordinator.name }, 'nytt møte'),
    expect: UNKNOWN_NB,
  },
];

type Press = [who: string, from: Person, verb: string, data: () => object, expected: RegExp];
const buttons: Press[] = [
  [
    'a respondent',
    people.respondent,
    'meeting.create',
    () => ({ body: 'styret', title: 'X', date: '2026-12-11', startTime: '10:00', endTime: '11:00' }),
    /Bare koordinatoren kan opprette og endre møter/,
  ],
  [
    'a respondent',
    people.respondent,
    'agenda.add',
    () => ({ meetingId: x.meetingId, title: 'Innsmett', proposal: 'Vedtas.' }),
    /Bare koordinatoren kan opprette og endre møter/,
  ],
  [
    'a respondent',
    people.respondent,
    'meeting.cancel',
    () => ({ meetingId: x.meetingId, reason: 'Kupp' }),
    /Bare koordinatoren kan opprette og endre møter/,
  ],
  [
    'a deputy',
    deputy,
    'meeting.cancel',
    () => ({ meetingId: x.meetingId }),
    /Bare koordinatoren kan opprette og endre møter/,
  ],
  [
    'a respondent',
    people.respondent,
    'hearing.register',
    () => ({ title: 'Falsk', externalDeadline: '2026-12-20 12:00', questions: 'Q' }),
    /Bare koordinatoren kan registrere/,
  ],
  [
    'a deputy',
    deputy,
    'hearing.register',
    () => ({ title: 'Falsk', externalDeadline: '2026-12-20 12:00', questions: 'Q' }),
    /Bare koordinatoren kan registrere/,
  ],
  [
    'a respondent',
    people.respondent,
    'vote.open',
    () => ({ title: 'Kupp', body: 'styret' }),
    /Bare koordinatoren eller organets leder/,
  ],
  [
    'a deputy',
    deputy,
    'vote.open',
    () => ({ title: 'Kupp', body: 'styret' }),
    /Bare koordinatoren eller organets leder/,
  ],
  [
    'a respondent',
    people.respondent,
    'vote.close',
    () => ({ voteId: x.openVote }),
    /Bare koordinatoren, den som åpnet/,
  ],
  ['a deputy', deputy, 'vote.close', () => ({ voteId: x.openVote }), /Bare koordinatoren, den som åpnet/],
  [
    'a respondent',
    people.respondent,
    'minutes.save',
    () => ({ meetingId: x.meetingId }),
    /Bare koordinatoren kan føre protokollen/,
  ],
  ['an unknown person', stranger, 'vote.cast', () => ({ voteId: x.openVote, option: 'for' }), UNKNOWN_NB],
  ['an unknown person', stranger, 'vote.close', () => ({ voteId: x.openVote }), UNKNOWN_NB],
  [
    'an unknown person',
    stranger,
    'meeting.create',
    () => ({ body: 'styret', title: 'X', date: '2026-12-11', startTime: '10:00', endTime: '11:00' }),
    UNKNOWN_NB,
  ],
  [
    'an unknown person',
    stranger,
    'input.submit',
    () => ({ meetingId: x.meetingId, version: 1, municipality: '3324', 'position-0': 'against' }),
    UNKNOWN_NB,
  ],
  [
    'an unknown person',
    stranger,
    'hearing.submit',
    () => ({ hearingId: x.hearingId, version: 1, municipality: '3324', position: 'agree' }),
    UNKNOWN_NB,
  ],
];
const buttonCases: HostileCase[] = buttons.map(([who, from, verb, data, expected]) => ({
  name: `${who} presses ${verb}`,
  send: (hh) => hh.press(from, verb, data(), { kind: 'channel' }),
  expect: expected,
}));

/*
 * Guests who look like members. Any tenant can name its own guest after one of ours; only the
 * part after #EXT#@ says which tenant invited them, and only the host tenant's own domains count.
 */
const lookAlikeUpns: [name: string, upn: string][] = [
  ['a guest of another tenant named like Siri Lie', 'siri.lie_drammen.kommune.no#EXT#@evil.onmicrosoft.com'],
  ['a host domain one letter off', 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.co'],
  ['the host domain as a subdomain of another', 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com.evil.example'],
  ['the host domain inside another name', 'siri.lie_drammen.kommune.no#EXT#@evilsamrad.onmicrosoft.com'],
  ['two #EXT# parts', 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com#EXT#@evil.onmicrosoft.com'],
  [
    'the coordinator’s address as a guest of another tenant',
    'ingrid.haugen_baerum.kommune.no#EXT#@evil.onmicrosoft.com',
  ],
];
let lookAlikes = 0;
const lookAlikeCases: HostileCase[] = lookAlikeUpns.map(([name, upn]): HostileCase => {
  const n = ++lookAlikes;
  const who: Person = {
    id: `29:lookalike-${n}`,
    name: 'Siri Lie',
    aadObjectId: `bbbbbbbb-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  };
  return {
    name: `${name} is not taken for the member`,
    send: (hh) => {
      hh.bot.connector.members.set(`a:personal-${who.id}`, [
        { id: who.id, name: who.name, aadObjectId: who.aadObjectId, userPrincipalName: upn },
      ]);
      return hh.say(who, 'hvem er jeg');
    },
    expect: UNKNOWN_NB,
    then: async (hh, answer) => {
      expect(answer.text).not.toContain('Medlem i Samarbeidsstyret');
      expect(
        await hh.bot.samrad.store.get('identityLinks', who.aadObjectId!),
        'no identity link stored',
      ).toBeUndefined();
    },
  };
});

/** The control: the same person invited by the host tenant is recognised (so the cases above test the domain). */
const realGuest: HostileCase = {
  name: 'the real guest, invited by the host tenant, is recognised and linked',
  send: (hh) => {
    const who: Person = { id: '29:real-siri', name: 'Siri Lie', aadObjectId: 'bbbbbbbb-0000-4000-8000-0000000000ff' };
    hh.bot.connector.members.set(`a:personal-${who.id}`, [
      {
        id: who.id,
        name: who.name,
        aadObjectId: who.aadObjectId,
        userPrincipalName: 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com',
      },
    ]);
    return hh.say(who, 'hvem er jeg');
  },
  expect: /Medlem i Samarbeidsstyret, for Drammen/,
  changes: true,
};

describe('hostile: tenant and identity', () => {
  for (const [title, cases] of [
    ['members using the coordinator’s commands', commandCases],
    ['people the organisation does not know', strangerCases],
    ['members and strangers pressing the coordinator’s buttons', buttonCases],
    ['guests who look like members', [...lookAlikeCases, realGuest]],
  ] as const) {
    describe(title, () => {
      for (const c of cases) it(c.name, () => runCase(h, c));
    });
  }
});
