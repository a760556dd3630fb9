import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { TabUser, TokenTrust } from './tab-token';

/** The local stand-in for Entra ID: a key made per process, trusted only in local mode and tests. */
export const LOCAL_ISSUER = 'https://samrad.local/tab-host';
export const LOCAL_AUDIENCE = 'api://localhost/samrad-local';
export const LOCAL_SCOPE = 'access_as_user';

export class LocalTokenIssuer {
  private readonly kid = randomUUID();
  private readonly pair = generateKeyPairSync('rsa', { modulusLength: 2048 });

  constructor(readonly tenantId: string) {}

  /** What the server is told to trust; in production the trust is Entra ID's and this class is not built. */
  trust(): TokenTrust {
    const publicKey = this.pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    return {
      keys: { getKey: async (kid) => (kid === this.kid ? { key: publicKey } : null) },
      issuer: LOCAL_ISSUER,
      audiences: [LOCAL_AUDIENCE],
      tenantId: this.tenantId,
      scope: LOCAL_SCOPE,
    };
  }

  /** A token shaped like Teams' SSO token (v2 claims), valid for an hour. */
  issue(user: TabUser, now: Date, overrides: Record<string, unknown> = {}): string {
    const iat = Math.floor(now.getTime() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const claims = {
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      tid: this.tenantId,
      oid: user.aadObjectId,
      scp: LOCAL_SCOPE,
      iat,
      nbf: iat,
      exp: iat + 3600,
      ver: '2.0',
      ...(user.name && { name: user.name }),
      ...(user.upn && { preferred_username: user.upn }),
      ...overrides,
    };
    const body = `${b64(header)}.${b64(claims)}`;
    return `${body}.${createSign('RSA-SHA256').update(body).sign(this.pair.privateKey).toString('base64url')}`;
  }
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
