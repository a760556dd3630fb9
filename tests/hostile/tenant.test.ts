import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, message, people, TENANT, type Person } from '../fixtures/activities';
import { FakeTokenIssuer } from '../fixtures/fake-token-issuer';
import { interceptMicrosoftLogin, type MicrosoftLogin } from '../fixtures/microsoft-login';
import { Harness, runCase, type HostileCase } from './harness';

/*
 * Other tenants, in production mode (local mode serves whoever the playground is): a valid
 * Bot Framework token, but an activity from outside the configured tenant. Nothing is
 * answered, stored or sent. Replies need Entra ID, unreachable offline, so "still serving"
 * is the coordinator's own turn being taken (200, the conversation remembered).
 */

const APP = '0b6d2a57-6c0e-4a50-9d0f-3d1c2b1a0f9e';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const issuer = new FakeTokenIssuer();
let h: Harness;
let login: MicrosoftLogin;

beforeAll(async () => {
  await issuer.start();
  // The SDK's default configuration, as production runs it: Microsoft's login hosts answered locally.
  login = interceptMicrosoftLogin(issuer.origin);
  h = await Harness.start({
    mode: 'production',
    host: '127.0.0.1',
    bot: { appId: APP, appType: 'SingleTenant', tenantId: TENANT, password: 'test-secret-not-real' },
  });
  h.headers = () => ({ authorization: `Bearer ${issuer.token(APP, h.url)}` });
  h.stillServing = async () => {
    const res = await h.bot.post(message(h.url, people.coordinator, 'hjelp'), h.headers());
    expect(res.status).toBe(200);
    expect((await h.bot.samrad.store.find('conversations')).map((c) => c.id)).toContain(
      `a:personal-${people.coordinator.id}`,
    );
  };
});
afterAll(async () => {
  await h.stop();
  login.restore();
  await issuer.stop();
});

const from = (tenantId: string) => ({ kind: 'personal' as const, tenantId });
const say =
  (who: Person, text: string, tenantId = OTHER_TENANT) =>
  (hh: Harness) =>
    hh.posts(message(hh.url, who, text, from(tenantId)));
const press =
  (who: Person, verb: string, data: object, tenantId = OTHER_TENANT) =>
  (hh: Harness) =>
    hh.posts(cardAction(hh.url, who, verb, data, from(tenantId)));

const cases: HostileCase[] = [
  ...[
    'hjelp',
    'nytt møte',
    'synkroniser',
    'last organisasjon',
    'møter',
    'hvem er jeg',
    'ny høring X',
    'avstemning X',
  ].map((text): HostileCase => ({
    name: `the coordinator’s identity from another tenant types «${text}»`,
    send: say(people.coordinator, text),
    expect: 'silence',
  })),
  {
    name: 'an unknown person from another tenant types «hjelp»',
    send: say(people.stranger, 'hjelp'),
    expect: 'silence',
  },
  {
    name: 'the coordinator’s identity from another tenant presses meeting.create',
    send: press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'X',
      date: '2026-12-11',
      startTime: '10:00',
      endTime: '11:00',
    }),
    expect: 'silence',
  },
  {
    name: 'the coordinator’s identity from another tenant presses vote.open',
    send: press(people.coordinator, 'vote.open', { title: 'Kupp', body: 'styret' }),
    expect: 'silence',
  },
  {
    name: 'a respondent from another tenant casts a ballot',
    send: press(people.respondent, 'vote.cast', { voteId: 'AAAAA', option: 'for' }),
    expect: 'silence',
  },
  { name: 'a tenant id that is not a GUID', send: say(people.coordinator, 'hjelp', 'not-a-tenant'), expect: 'silence' },
  { name: 'an empty tenant id', send: say(people.coordinator, 'hjelp', ''), expect: 'silence' },
];

describe('hostile: activities from another tenant', () => {
  for (const c of cases) it(c.name, () => runCase(h, c));
});
