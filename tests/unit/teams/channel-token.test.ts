import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkChannelToken } from '../../../src/adapters/teams-shared/channel-token';

/*
 * The Bot Connector's token as "Authentication with the Bot Connector API" documents it
 * (bots/rest-api/bot-framework-rest-connector-authentication), written here: issuer
 * https://api.botframework.com, audience the bot's app id, a `serviceurl` claim, a key from
 * the channel's OpenID metadata whose `endorsements` name the channel, 5 minutes of clock skew.
 */
const ISSUER = 'https://api.botframework.com';
const APP = '0b6d2a57-6c0e-4a50-9d0f-3d1c2b1a0f9e';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const now = new Date('2026-12-03T10:00:00Z');
const seconds = now.getTime() / 1000;

const microsoft = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = microsoft.publicKey.export({ format: 'pem', type: 'spki' }).toString();

/** Microsoft's key as its metadata lists it; counts the lookups. */
function keys(endorsements: string[] | null = ['msteams']) {
  const asked: string[] = [];
  return {
    asked,
    getKey: async (kid: string) => {
      asked.push(kid);
      return kid === 'k1' ? { key: pem, ...(endorsements && { endorsements }) } : null;
    },
  };
}

const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function token(claims: object = {}, opts: { kid?: string; alg?: string; key?: KeyObject } = {}): string {
  const alg = opts.alg ?? 'RS256';
  const body = `${part({ alg, typ: 'JWT', kid: opts.kid ?? 'k1' })}.${part({
    iss: ISSUER,
    aud: APP,
    serviceurl: SERVICE_URL,
    nbf: seconds - 60,
    exp: seconds + 3600,
    ...claims,
  })}`;
  const hash = { RS256: 'RSA-SHA256', RS384: 'RSA-SHA384', RS512: 'RSA-SHA512' }[alg] ?? 'RSA-SHA256';
  const signature = createSign(hash)
    .update(body)
    .sign(opts.key ?? microsoft.privateKey)
    .toString('base64url');
  return `Bearer ${body}.${signature}`;
}

const activity = { serviceUrl: SERVICE_URL, channelId: 'msteams' };
const check = (authorization: string | undefined, k = keys(), a: object = activity, at = now) =>
  checkChannelToken(authorization, a, { appId: APP, keys: k }, at);

describe('the Bot Connector’s token, checked without an SDK (for the Agents SDK’s endpoint)', () => {
  it('accepts a token as the Bot Connector sends it, and gives its claims for the turn', async () => {
    const result = await check(token());
    expect(result).toMatchObject({ ok: true, claims: { aud: APP, serviceurl: SERVICE_URL } });
    for (const alg of ['RS384', 'RS512']) expect((await check(token({}, { alg }))).ok).toBe(true);
  });

  it('refuses what the token says before any key is looked up: issuer, audience, lifetime, service URL', async () => {
    const cases: [object, string][] = [
      [{ iss: 'https://sts.windows.net/evil/' }, 'issuer'],
      [{ aud: 'another-bot' }, 'audience'],
      [{ exp: seconds - 301 }, 'lifetime'],
      [{ nbf: seconds + 301 }, 'lifetime'],
      [{ exp: undefined }, 'lifetime'],
      [{ serviceurl: 'https://evil.example/' }, 'service url'],
      [{ serviceurl: undefined }, 'service url'],
    ];
    for (const [claims, problem] of cases) {
      const k = keys();
      expect(await check(token(claims), k)).toEqual({ ok: false, problem });
      expect(k.asked).toEqual([]);
    }
  });

  it('allows five minutes of clock skew on either side', async () => {
    expect((await check(token({ exp: seconds - 299 }))).ok).toBe(true);
    expect((await check(token({ nbf: seconds + 299 }))).ok).toBe(true);
  });

  it('refuses a key Microsoft does not list, a key not endorsed for the channel, and a forged signature', async () => {
    expect(await check(token({}, { kid: 'k2' }))).toEqual({ ok: false, problem: 'unknown key' });
    expect(await check(token(), keys(['webchat']))).toEqual({ ok: false, problem: 'channel not endorsed' });
    expect(await check(token({}, { key: attacker.privateKey }))).toEqual({ ok: false, problem: 'signature' });
    // A token signed for one service URL cannot be replayed for another activity's.
    expect(await check(token(), keys(), { ...activity, serviceUrl: 'https://evil.example/' })).toEqual({
      ok: false,
      problem: 'service url',
    });
  });

  it('refuses tokens no key can make valid without looking one up', async () => {
    const k = keys();
    const [h, p] = token().slice('Bearer '.length).split('.');
    for (const authorization of [
      undefined,
      '',
      'Bearer nonsense',
      `Bearer ${part({ alg: 'none', kid: 'k1' })}.${p}.`,
      `Bearer ${part({ alg: 'HS256', kid: 'k1' })}.${p}.c2ln`,
      `Bearer ${part({ alg: 'RS256' })}.${p}.c2ln`,
      `Basic ${h}`,
    ]) {
      expect((await check(authorization, k)).ok).toBe(false);
    }
    expect(k.asked).toEqual([]);
  });

  it('lets a failed key lookup through to the caller (503, not 401)', async () => {
    const failing = {
      getKey: () => Promise.reject(new Error('keys unavailable')),
    };
    await expect(checkChannelToken(token(), activity, { appId: APP, keys: failing }, now)).rejects.toThrow(
      'keys unavailable',
    );
  });
});
