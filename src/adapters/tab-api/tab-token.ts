import { isRsaSigned, readBearerJwt, signedWith } from '../signing-keys/jwt';

/** Where a token's signing key is looked up by its `kid`: Entra ID's keys (SigningKeys) or the local key. */
export interface KeySource {
  getKey(keyId: string): Promise<{ readonly key: string } | null>;
}

/** What the server trusts: Entra ID v2 tokens for the app's own API, from the configured tenant only. */
export interface TokenTrust {
  readonly keys: KeySource;
  readonly issuer: string;
  /** The App ID URI (`api://<domain>/<app id>`) and the app id: v1 and v2 tokens name the audience differently. */
  readonly audiences: readonly string[];
  readonly tenantId: string;
  /** The delegated scope Teams asks for (`access_as_user`). */
  readonly scope: string;
  /** Clock skew tolerated on `exp` and `nbf`. */
  readonly leewaySeconds?: number;
}

/** The person a valid token names. */
export interface TabUser {
  readonly aadObjectId: string;
  readonly name?: string;
  readonly upn?: string;
}

export type TokenCheck =
  { readonly ok: true; readonly user: TabUser } | { readonly ok: false; readonly problem: string };

const refuse = (problem: string): TokenCheck => ({ ok: false, problem });

/**
 * Checks the `Authorization: Bearer` token of a tab request: RS256 only, a key from the trusted
 * source, the issuer and tenant, an audience of ours, the scope, and the time window. Shape is
 * judged before any key is fetched, so garbage never reaches Microsoft's key endpoint.
 */
export async function checkTabToken(
  authorization: string | undefined,
  trust: TokenTrust,
  now: Date,
): Promise<TokenCheck> {
  const jwt = readBearerJwt(authorization);
  if (!jwt) return refuse('not a bearer JWT');
  const { header, claims } = jwt;
  if (!isRsaSigned(jwt, ['RS256'])) return refuse('algorithm not allowed');
  if (typeof header.kid !== 'string' || header.kid === '') return refuse('no key id');
  if (claims.iss !== trust.issuer) return refuse('issuer');
  if (typeof claims.tid !== 'string' || claims.tid.toLowerCase() !== trust.tenantId.toLowerCase())
    return refuse('tenant');
  if (typeof claims.aud !== 'string' || !trust.audiences.includes(claims.aud)) return refuse('audience');
  const leeway = trust.leewaySeconds ?? 300;
  const seconds = now.getTime() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp + leeway < seconds) return refuse('expired');
  if (typeof claims.nbf === 'number' && claims.nbf - leeway > seconds) return refuse('not yet valid');
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ') : [];
  if (!scopes.includes(trust.scope)) return refuse('scope');
  if (typeof claims.oid !== 'string' || claims.oid === '') return refuse('no object id');
  const key = await trust.keys.getKey(header.kid);
  if (!key) return refuse('unknown key');
  if (!signedWith(jwt, key.key)) return refuse('signature');
  const upn =
    typeof claims.preferred_username === 'string'
      ? claims.preferred_username
      : typeof claims.upn === 'string'
        ? claims.upn
        : undefined;
  return {
    ok: true,
    user: {
      aadObjectId: claims.oid,
      ...(typeof claims.name === 'string' && { name: claims.name }),
      ...(upn && { upn }),
    },
  };
}
