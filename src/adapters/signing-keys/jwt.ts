import { createVerify } from 'node:crypto';

/** A JSON Web Token as it came in a `Bearer` header: its parts decoded, not yet trusted. */
export interface BearerJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  /** `header.payload` as sent: what the signature is over. */
  readonly signed: string;
  readonly signature: Buffer;
}

/** The RSA signatures Microsoft's tokens may carry, with the hash each names. */
const RSA_HASHES: Readonly<Record<string, string>> = { RS256: 'RSA-SHA256', RS384: 'RSA-SHA384', RS512: 'RSA-SHA512' };

/** The token of an `Authorization: Bearer <jwt>` header, decoded; undefined when it is not one. */
export function readBearerJwt(authorization: string | undefined): BearerJwt | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec((authorization ?? '').trim());
  if (!match) return undefined;
  const [, h = '', p = '', s = ''] = match;
  const header = decodePart(h);
  const claims = decodePart(p);
  if (!header || !claims) return undefined;
  return { header, claims, signed: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

/** Whether one of the allowed RSA algorithms names the token's signature. */
export const isRsaSigned = (jwt: BearerJwt, allowed: readonly string[]): boolean =>
  typeof jwt.header.alg === 'string' && allowed.includes(jwt.header.alg) && jwt.header.alg in RSA_HASHES;

/** Whether the token was signed with the private half of this public key (PEM), by the algorithm it names. */
export function signedWith(jwt: BearerJwt, publicKeyPem: string): boolean {
  const hash = typeof jwt.header.alg === 'string' ? RSA_HASHES[jwt.header.alg] : undefined;
  if (!hash) return false;
  return createVerify(hash).update(jwt.signed).verify(publicKeyPem, jwt.signature);
}

/** Whether `exp` (required) and `nbf` (when given) put `now` inside the token's time, give or take `leewaySeconds`. */
export function withinLifetime(claims: Readonly<Record<string, unknown>>, now: Date, leewaySeconds: number): boolean {
  const seconds = now.getTime() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp + leewaySeconds < seconds) return false;
  return !(typeof claims.nbf === 'number' && claims.nbf - leewaySeconds > seconds);
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
