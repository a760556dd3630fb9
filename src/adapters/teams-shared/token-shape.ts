import type { BearerJwt } from '../signing-keys/jwt';
import { isRsaSigned, readBearerJwt } from '../signing-keys/jwt';

/** The algorithms the Bot Framework signs with (the SDK allows the same three). */
export const CHANNEL_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;

/**
 * Why an Authorization header cannot carry a valid Bot Framework token, judged from its
 * shape alone, or undefined when it might. Refusing these first means a forged or garbage
 * token never makes the server fetch Microsoft's keys.
 */
export function impossibleToken(authorization: string | undefined): string | undefined {
  if (!authorization) return 'no token';
  const jwt = readBearerJwt(authorization);
  return jwt ? shapeProblem(jwt) : 'not a bearer JWT';
}

/** Why a decoded token cannot be a valid Bot Framework token, or undefined when it might. */
export function shapeProblem(jwt: BearerJwt): string | undefined {
  if (!isRsaSigned(jwt, CHANNEL_ALGORITHMS)) return 'algorithm not allowed';
  if (typeof jwt.header.kid !== 'string' || jwt.header.kid === '') return 'no key id';
  if (typeof jwt.claims.iss !== 'string' || typeof jwt.claims.aud !== 'string') return 'no issuer or audience';
  return undefined;
}
