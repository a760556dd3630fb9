import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { message, people, TENANT } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { FakeTokenIssuer, impossibleTokens } from '../fixtures/fake-token-issuer';
import { interceptMicrosoftLogin, type MicrosoftLogin } from '../fixtures/microsoft-login';
import type { SigningKeyOptions } from '../../src/adapters/signing-keys/signing-keys';

const APP = '0b6d2a57-6c0e-4a50-9d0f-3d1c2b1a0f9e';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const production = {
  mode: 'production',
  host: '127.0.0.1',
  bot: { appId: APP, appType: 'SingleTenant', tenantId: TENANT, password: 'test-secret-not-real' },
} as const;

/**
 * Production mode in the SDK's default configuration: no metadata address is overridden.
 * Microsoft's OpenID host names are answered by a local issuer (microsoft-login.ts).
 */
function productionBot(signingKeys: SigningKeyOptions = {}) {
  const issuer = new FakeTokenIssuer();
  const ctx = { issuer, bot: undefined as unknown as BotUnderTest, login: undefined as unknown as MicrosoftLogin };
  beforeAll(async () => {
    await issuer.start();
    ctx.login = interceptMicrosoftLogin(issuer.origin);
    ctx.bot = await startBot(production, { signingKeys });
  });
  afterAll(async () => {
    await ctx.bot.stop();
    ctx.login.restore();
    await issuer.stop();
  });
  beforeEach(() => ctx.bot.connector.clear());
  return ctx;
}

const conversations = async (bot: BotUnderTest) => (await bot.samrad.store.find('conversations')).map((c) => c.id);
const post = (bot: BotUnderTest, headers: Record<string, string> = {}, tenantId = TENANT) =>
  bot.post(message(bot.connector.url, people.coordinator, 'hjelp', { kind: 'personal', tenantId }), headers);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('production mode', () => {
  const ctx = productionBot();

  it('refuses a request with no token with 401 and changes nothing', async () => {
    const res = await post(ctx.bot);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ error: 'Unauthorized' });
    expect(await conversations(ctx.bot)).toEqual([]);
    expect(ctx.bot.connector.sent).toEqual([]);
  });

  it('refuses a token signed by an unknown key with 401 and changes nothing', async () => {
    const forged = ctx.issuer.token(APP, ctx.bot.connector.url, 'untrusted');
    expect((await post(ctx.bot, bearer(forged))).status).toBe(401);
    expect(await conversations(ctx.bot)).toEqual([]);
  });

  it('refuses a properly signed token for another bot with 401', async () => {
    const other = ctx.issuer.token('99999999-9999-4999-8999-999999999999', ctx.bot.connector.url);
    expect((await post(ctx.bot, bearer(other))).status).toBe(401);
    expect(await conversations(ctx.bot)).toEqual([]);
  });

  it('refuses a malformed authorization header with 401', async () => {
    expect((await post(ctx.bot, { authorization: 'Basic abc' })).status).toBe(401);
    expect(await conversations(ctx.bot)).toEqual([]);
  });

  it.each(Object.entries(impossibleTokens(APP, 'http://127.0.0.1:1')))(
    'refuses a token that cannot be valid (%s) with 401 without fetching keys',
    async (_name, token) => {
      const before = ctx.login.fetches.length;
      const res = await post(ctx.bot, bearer(token));
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toEqual({ error: 'Unauthorized' });
      expect(ctx.login.fetches.length).toBe(before);
      expect(await conversations(ctx.bot)).toEqual([]);
    },
  );

  it('ignores an activity from another tenant even with a valid token', async () => {
    await post(ctx.bot, bearer(ctx.issuer.token(APP, ctx.bot.connector.url)), OTHER_TENANT);
    expect(await conversations(ctx.bot)).toEqual([]);
    expect(ctx.bot.logs.some((l) => l.includes('tenant.refused'))).toBe(true);
  });

  it('serves a valid token from the configured tenant, with keys fetched from the default addresses', async () => {
    const res = await post(ctx.bot, bearer(ctx.issuer.token(APP, ctx.bot.connector.url)));
    expect(res.status).toBe(200);
    // The turn ran: the conversation is remembered. (Replying needs a token from Entra ID, not reachable offline.)
    expect(await conversations(ctx.bot)).toEqual([`a:personal-${people.coordinator.id}`]);
    expect(ctx.login.fetches).toContain('https://login.botframework.com/v1/.well-known/openidconfiguration');
    expect(ctx.login.fetches).toContain('https://login.botframework.com/v1/.well-known/keys');
  });

  it('keeps the keys: later tokens fetch nothing', async () => {
    const before = ctx.login.fetches.length;
    for (let i = 0; i < 3; i++)
      expect((await post(ctx.bot, bearer(ctx.issuer.token(APP, ctx.bot.connector.url)))).status).toBe(200);
    expect(ctx.login.fetches.length).toBe(before);
  });
});

describe('production mode when Microsoft cannot be reached', () => {
  let now = Date.parse('2026-01-15T08:00:00Z');
  const ctx = productionBot({ now: () => now });

  it('answers 503 with a short generic body, and remembers the failure instead of refetching', async () => {
    ctx.login.mode = 'down';
    const first = await post(ctx.bot, bearer(ctx.issuer.token(APP, ctx.bot.connector.url)));
    expect(first.status).toBe(503);
    expect(JSON.parse(first.body)).toEqual({ error: 'Service unavailable' });
    expect(first.body).not.toMatch(/getaddrinfo|ENOTFOUND|login\.|botframework/i);
    const fetched = ctx.login.fetches.length;
    expect(fetched).toBe(1);
    for (let i = 0; i < 5; i++)
      expect((await post(ctx.bot, bearer(ctx.issuer.token(APP, ctx.bot.connector.url)))).status).toBe(503);
    expect(ctx.login.fetches.length).toBe(fetched);
    expect(await conversations(ctx.bot)).toEqual([]);
  });

  it('fetches again once the failure is 30 s old, and serves', async () => {
    ctx.login.mode = 'up';
    now += 31_000;
    expect((await post(ctx.bot, bearer(ctx.issuer.token(APP, ctx.bot.connector.url)))).status).toBe(200);
  });
});

describe('production mode when the key endpoint hangs', () => {
  const ctx = productionBot({ timeoutMs: 50 });

  it('gives up at the bound and answers 503', async () => {
    ctx.login.mode = 'hang';
    const res = await post(ctx.bot, bearer(ctx.issuer.token(APP, ctx.bot.connector.url)));
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ error: 'Service unavailable' });
    expect(ctx.bot.logs.some((l) => l.includes('auth.keys-unavailable'))).toBe(true);
  });
});
