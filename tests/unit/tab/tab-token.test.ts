import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkTabToken, type TokenTrust } from '../../../src/adapters/tab-api/tab-token';

// What Entra ID issues for Teams SSO to the app's own API: a v2 access token, RS256.
const tenant = '8a1f7c3e-5b2d-4e6f-9a0b-1c2d3e4f5a6b';
const appId = '0c5b1a2e-1111-4222-8333-444455556666';
const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;
const now = new Date('2026-11-23T10:00:00Z');
const seconds = Math.floor(now.getTime() / 1000);
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();

let fetched = 0;
const trust: TokenTrust = {
  keys: {
    getKey: async (kid) => {
      fetched += 1;
      return kid === 'k1' ? { key: pem } : null;
    },
  },
  issuer,
  audiences: [appId, `api://samrad.example.no/${appId}`],
  tenantId: tenant,
  scope: 'access_as_user',
};

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
function token(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}, key = privateKey): string {
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'k1', ...header })}.${b64({
    iss: issuer,
    aud: appId,
    tid: tenant,
    oid: '6f1c2a4e-1b2c-4d3e-8f40-000000000003',
    scp: 'access_as_user',
    name: 'Marit Kvam',
    preferred_username: 'marit.kvam@gol.kommune.no',
    iat: seconds - 60,
    nbf: seconds - 60,
    exp: seconds + 3600,
    ...claims,
  })}`;
  return `Bearer ${body}.${createSign('RSA-SHA256').update(body).sign(key).toString('base64url')}`;
}

describe('the tab SSO token check', () => {
  it('accepts a token of the configured tenant for our API and names the person', async () => {
    expect(await checkTabToken(token(), trust, now)).toEqual({
      ok: true,
      user: {
        aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000003',
        name: 'Marit Kvam',
        upn: 'marit.kvam@gol.kommune.no',
      },
    });
    expect((await checkTabToken(token({ aud: `api://samrad.example.no/${appId}` }), trust, now)).ok).toBe(true);
  });

  it.each([
    [
      'another tenant',
      {
        tid: '00000000-0000-4000-8000-000000000000',
        iss: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0',
      },
      'issuer',
    ],
    ['the right issuer but another tid', { tid: '00000000-0000-4000-8000-000000000000' }, 'tenant'],
    ['a v1 issuer', { iss: `https://sts.windows.net/${tenant}/` }, 'issuer'],
    ['another app', { aud: '11111111-2222-4333-8444-555555555555' }, 'audience'],
    ['Microsoft Graph as audience', { aud: 'https://graph.microsoft.com' }, 'audience'],
    ['expired beyond the skew', { exp: seconds - 301 }, 'expired'],
    ['not yet valid', { nbf: seconds + 3600 }, 'not yet valid'],
    ['without the scope', { scp: 'User.Read' }, 'scope'],
    ['without an object id', { oid: '' }, 'no object id'],
  ])('refuses %s', async (_, claims, problem) => {
    expect(await checkTabToken(token(claims), trust, now)).toEqual({ ok: false, problem });
  });

  it('refuses a token signed by another key, an unknown key id, and unsigned or HMAC tokens before any key is fetched', async () => {
    expect(await checkTabToken(token({}, {}, other.privateKey), trust, now)).toEqual({
      ok: false,
      problem: 'signature',
    });
    expect(await checkTabToken(token({}, { kid: 'k2' }), trust, now)).toEqual({ ok: false, problem: 'unknown key' });
    fetched = 0;
    expect(await checkTabToken(token({}, { alg: 'none' }), trust, now)).toEqual({
      ok: false,
      problem: 'algorithm not allowed',
    });
    expect(await checkTabToken(token({}, { alg: 'HS256' }), trust, now)).toEqual({
      ok: false,
      problem: 'algorithm not allowed',
    });
    expect(await checkTabToken('Bearer nonsense', trust, now)).toEqual({ ok: false, problem: 'not a bearer JWT' });
    expect(await checkTabToken(undefined, trust, now)).toEqual({ ok: false, problem: 'not a bearer JWT' });
    expect(fetched).toBe(0);
  });
});
