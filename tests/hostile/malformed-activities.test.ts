import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people, TENANT } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { interceptMicrosoftLogin, type MicrosoftLogin } from '../fixtures/microsoft-login';
import { settleJobs } from './harness';

type Body = string | Buffer;
const json = (o: unknown): string => JSON.stringify(o);

/** Requests no Teams client sends, each as the raw body posted. */
function malformed(serviceUrl: string): Record<string, Body> {
  const good = message(serviceUrl, people.coordinator, 'hjelp') as Record<string, unknown>;
  const without = (key: string) => json({ ...good, [key]: undefined });
  return {
    'no type': without('type'),
    'an empty type': json({ ...good, type: '' }),
    'a number as type': json({ ...good, type: 7 }),
    'text as a number': json({ ...good, text: 42 }),
    'text as an object': json({ ...good, text: { toString: 'x' } }),
    'no serviceUrl': without('serviceUrl'),
    'serviceUrl not a URL': json({ ...good, serviceUrl: 'not a url' }),
    'serviceUrl over plain http to another host': json({ ...good, serviceUrl: 'http://evil.example/' }),
    'serviceUrl with another scheme': json({ ...good, serviceUrl: 'file:///etc/passwd' }),
    'no conversation': without('conversation'),
    'no conversation.id': json({ ...good, conversation: { conversationType: 'personal', tenantId: TENANT } }),
    'conversation as a string': json({ ...good, conversation: 'a:1' }),
    'no from': without('from'),
    'from without id': json({ ...good, from: { name: 'Ingrid' } }),
    'entities not a list': json({ ...good, entities: 'mention' }),
    'channelData as a list': json({ ...good, channelData: [] }),
    'not JSON': '{"type": "message", ',
    'an empty body': '',
    'a JSON list': json([good]),
    'JSON null': 'null',
    'a body over 1 MB': json({ ...good, text: 'x'.repeat(2 * 1024 * 1024) }),
  };
}

async function postRaw(url: string, body: Body, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: await res.text() };
}

async function storeHash(bot: BotUnderTest): Promise<string> {
  const lists = ['conversations', 'identityLinks', 'auditLog', 'jobs'] as const;
  const content = await Promise.all(
    lists.map(async (l) => (await bot.samrad.store.find(l).catch(() => [])).map((r) => [r.id, r.etag])),
  );
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

describe.each(['local', 'production'] as const)('malformed activities (%s mode, no token)', (mode) => {
  let bot: BotUnderTest;
  let login: MicrosoftLogin;
  beforeAll(async () => {
    // Any fetch of Microsoft's keys would be recorded here (and fail): none may happen.
    login = interceptMicrosoftLogin('http://127.0.0.1:1');
    login.mode = 'down';
    bot = await startBot(
      mode === 'production'
        ? {
            mode,
            host: '127.0.0.1',
            bot: {
              appId: '0b6d2a57-6c0e-4a50-9d0f-3d1c2b1a0f9e',
              appType: 'SingleTenant',
              tenantId: TENANT,
              password: 'not-real',
            },
          }
        : {},
    );
    await settleJobs(bot);
  });
  afterAll(async () => {
    await bot.stop();
    login.restore();
  });

  it.each(Object.entries(malformed('http://127.0.0.1:9')))(
    'refuses %s with 400 and a short generic body, changing and sending nothing',
    async (_name, body) => {
      const before = await storeHash(bot);
      const res = await postRaw(bot.url, body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: 'Bad request' });
      expect(await storeHash(bot)).toBe(before);
      expect(bot.connector.sent).toEqual([]);
      expect(login.fetches).toEqual([]);
    },
  );

  it('still serves afterwards', async () => {
    const res = await fetch(bot.url.replace('/api/messages', '/healthz'));
    expect(res.status).toBe(200);
  });
});

describe('a well-formed activity still passes the edge', () => {
  let bot: BotUnderTest;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it('with text absent (a card action) or null, the turn runs', async () => {
    const res = await postRaw(
      bot.url,
      json({ ...message(bot.connector.url, people.coordinator, 'hjelp'), text: null }),
    );
    expect(res.status).toBe(200);
    expect((await bot.samrad.store.find('conversations')).map((c) => c.id)).toEqual([
      `a:personal-${people.coordinator.id}`,
    ]);
  });
});
