import type { AccessToken, TokenCredential } from '@azure/identity';
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { authorityFor, graphCredential, graphScope } from '../../../src/adapters/graph/graph-credential';
import { sharedToken } from '../../../src/adapters/graph/token-cache';

const TENANT = '8a1f7c3e-5b2d-4e6f-9a0b-1c2d3e4f5a6b';
const APP = '0b6d2a57-6c0e-4a50-9d0f-3d1c2b1a0f9e';

describe('Graph credentials from configuration', () => {
  it('makes the credential the configuration names', () => {
    expect(graphCredential({ kind: 'secret', tenantId: TENANT, clientId: APP, clientSecret: 's' })).toBeInstanceOf(
      ClientSecretCredential,
    );
    expect(
      graphCredential({ kind: 'certificate', tenantId: TENANT, clientId: APP, certificatePath: '/x.pem' }),
    ).toBeInstanceOf(ClientCertificateCredential);
    expect(graphCredential({ kind: 'managedIdentity' })).toBeInstanceOf(ManagedIdentityCredential);
    expect(graphCredential({ kind: 'managedIdentity', clientId: APP })).toBeInstanceOf(ManagedIdentityCredential);
  });

  it('asks for the .default scope of the cloud the base URL is in, and signs in there', () => {
    expect(graphScope('https://graph.microsoft.com/v1.0')).toBe('https://graph.microsoft.com/.default');
    expect(graphScope('https://graph.microsoft.us/v1.0')).toBe('https://graph.microsoft.us/.default');
    expect(authorityFor('https://graph.microsoft.com/v1.0')).toBe('https://login.microsoftonline.com');
    expect(authorityFor('https://dod-graph.microsoft.us/v1.0')).toBe('https://login.microsoftonline.us');
    expect(authorityFor('https://microsoftgraph.chinacloudapi.cn/v1.0')).toBe('https://login.chinacloudapi.cn');
  });
});

describe('the shared token', () => {
  const counting = (expiresIn: number, now: () => number) => {
    const asked: string[] = [];
    const credential: TokenCredential = {
      getToken: async (scope) => {
        asked.push(scope as string);
        await new Promise((r) => setImmediate(r));
        return { token: `t${asked.length}`, expiresOnTimestamp: now() + expiresIn } satisfies AccessToken;
      },
    };
    return { credential, asked };
  };

  it('asks the credential once for many requests at the same time', async () => {
    let clock = 0;
    const { credential, asked } = counting(3_600_000, () => clock);
    const token = sharedToken(credential, 'https://graph.microsoft.com/.default', () => clock);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => token()));
    expect(new Set(tokens)).toEqual(new Set(['t1']));
    expect(asked).toEqual(['https://graph.microsoft.com/.default']);
    clock += 30 * 60_000;
    expect(await token()).toBe('t1');
    clock += 26 * 60_000; // within five minutes of expiry: renewed
    expect(await token()).toBe('t2');
  });
});
