import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SigningKeys, SigningKeysUnavailable } from '../../../src/adapters/signing-keys/signing-keys';
import { hangUntilAborted } from '../../fixtures/microsoft-login';

const METADATA = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const KEYS = 'https://login.botframework.com/v1/.well-known/keys';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });

/** A fetch that answers only the two expected addresses and counts what it is asked. */
function microsoft(keys: object[] = [{ ...rsa, kid: 'k1', endorsements: ['msteams'] }]) {
  const state = { calls: [] as string[], mode: 'up' as 'up' | 'down' | 'hang', jwksUri: KEYS };
  const fetch = (async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    state.calls.push(url);
    if (state.mode === 'down') throw new TypeError('fetch failed');
    if (state.mode === 'hang') return hangUntilAborted(init?.signal);
    if (url === METADATA) return Response.json({ jwks_uri: state.jwksUri });
    if (url === KEYS) return Response.json({ keys });
    throw new Error(`unexpected ${url}`);
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

describe('SigningKeys', () => {
  it('gives the PEM and endorsements of a known key, and fetches once for many callers', async () => {
    const ms = microsoft();
    const keys = new SigningKeys(METADATA, { fetch: ms.fetch });
    const found = await Promise.all([keys.getKey('k1'), keys.getKey('k1'), keys.getKey('k1')]);
    expect(found[0]?.key).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(found[0]?.endorsements).toEqual(['msteams']);
    expect(ms.state.calls).toEqual([METADATA, KEYS]);
  });

  it('an unknown key id is null, and refetches at most once per 5 minutes', async () => {
    let now = 0;
    const ms = microsoft();
    const keys = new SigningKeys(METADATA, { fetch: ms.fetch, now: () => now });
    await keys.getKey('k1');
    now = 60_000;
    expect(await keys.getKey('rotated')).toBeNull();
    expect(ms.state.calls).toHaveLength(2);
    now = 5 * 60_000 + 1;
    expect(await keys.getKey('rotated')).toBeNull();
    expect(ms.state.calls).toHaveLength(4);
  });

  it('throws SigningKeysUnavailable when Microsoft is down, and remembers it for 30 s', async () => {
    let now = 0;
    const ms = microsoft();
    ms.state.mode = 'down';
    const keys = new SigningKeys(METADATA, { fetch: ms.fetch, now: () => now });
    await expect(keys.getKey('k1')).rejects.toBeInstanceOf(SigningKeysUnavailable);
    now = 29_000;
    await expect(keys.getKey('k1')).rejects.toBeInstanceOf(SigningKeysUnavailable);
    expect(ms.state.calls).toHaveLength(1);
    ms.state.mode = 'up';
    now = 30_001;
    expect(await keys.getKey('k1')).not.toBeNull();
  });

  it('gives up on a hanging endpoint at the bound', async () => {
    const ms = microsoft();
    ms.state.mode = 'hang';
    const keys = new SigningKeys(METADATA, { fetch: ms.fetch, timeoutMs: 20 });
    await expect(keys.getKey('k1')).rejects.toBeInstanceOf(SigningKeysUnavailable);
  });

  it('keeps using stale keys when the daily refresh fails', async () => {
    let now = 0;
    const ms = microsoft();
    const keys = new SigningKeys(METADATA, { fetch: ms.fetch, now: () => now });
    await keys.getKey('k1');
    ms.state.mode = 'down';
    now = 25 * 60 * 60_000;
    expect(await keys.getKey('k1')).not.toBeNull();
  });

  it('refuses a key address that is not https, and skips keys that are not RSA', async () => {
    const ms = microsoft([
      { kty: 'EC', kid: 'ec', crv: 'P-256', x: 'x', y: 'y' },
      { kty: 'oct', kid: 'sym', k: 'c2VjcmV0' },
    ]);
    expect(await new SigningKeys(METADATA, { fetch: ms.fetch }).getKey('ec')).toBeNull();
    expect(await new SigningKeys(METADATA, { fetch: ms.fetch }).getKey('sym')).toBeNull();
    ms.state.jwksUri = 'http://attacker.example/keys';
    await expect(new SigningKeys(METADATA, { fetch: ms.fetch }).getKey('k1')).rejects.toBeInstanceOf(
      SigningKeysUnavailable,
    );
  });
});
