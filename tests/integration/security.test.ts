import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { message, people, TENANT } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { FakeTokenIssuer } from '../fixtures/fake-token-issuer';

const APP = '0b6d2a57-6c0e-4a50-9d0f-3d1c2b1a0f9e';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';

describe('production mode', () => {
  let bot: BotUnderTest;
  const issuer = new FakeTokenIssuer();
  beforeAll(async () => {
    await issuer.start();
    bot = await startBot(
      { mode: 'production', host: '127.0.0.1', bot: { appId: APP, appType: 'SingleTenant', tenantId: TENANT, password: 'test-secret-not-real' } },
      {
        authentication: {
          ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: issuer.metadataUrl,
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        },
      },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await issuer.stop();
  });
  beforeEach(() => bot.connector.clear());

  const conversations = async () => (await bot.samrad.store.find('conversations')).map((c) => c.id);
  const post = (from = people.coordinator, headers: Record<string, string> = {}, tenantId = TENANT) =>
    bot.post(message(bot.connector.url, from, 'hjelp', { kind: 'personal', tenantId }), headers);

  it('refuses a request with no token with 401 and changes nothing', async () => {
    expect((await post()).status).toBe(401);
    expect(await conversations()).toEqual([]);
    expect(bot.connector.sent).toEqual([]);
  });

  it('refuses a token signed by an unknown key with 401 and changes nothing', async () => {
    const forged = issuer.token(APP, bot.connector.url, 'untrusted');
    expect((await post(people.coordinator, { authorization: `Bearer ${forged}` })).status).toBe(401);
    expect(await conversations()).toEqual([]);
  });

  it('refuses a properly signed token for another bot with 401', async () => {
    const other = issuer.token('99999999-9999-4999-8999-999999999999', bot.connector.url);
    expect((await post(people.coordinator, { authorization: `Bearer ${other}` })).status).toBe(401);
    expect(await conversations()).toEqual([]);
  });

  it('refuses a malformed authorization header with 401', async () => {
    expect((await post(people.coordinator, { authorization: 'Basic abc' })).status).toBe(401);
    expect(await conversations()).toEqual([]);
  });

  it('ignores an activity from another tenant even with a valid token', async () => {
    const token = issuer.token(APP, bot.connector.url);
    await post(people.coordinator, { authorization: `Bearer ${token}` }, OTHER_TENANT);
    expect(await conversations()).toEqual([]);
    expect(bot.logs.some((l) => l.includes('tenant.refused'))).toBe(true);
  });

  it('serves a valid token from the configured tenant', async () => {
    const token = issuer.token(APP, bot.connector.url);
    const res = await post(people.coordinator, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    // The turn ran: the conversation is remembered. (Replying needs a token from Entra ID, not reachable offline.)
    expect(await conversations()).toEqual([`a:personal-${people.coordinator.id}`]);
  });
});
