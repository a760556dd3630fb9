/** The algorithms the Bot Framework signs with (the SDK allows the same three). */
const asymmetric = new Set(['RS256', 'RS384', 'RS512']);

/**
 * Why an Authorization header cannot carry a valid Bot Framework token, judged from its
 * shape alone, or undefined when it might. Refusing these first means a forged or garbage
 * token never makes the server fetch Microsoft's keys.
 */
export function impossibleToken(authorization: string | undefined): string | undefined {
  if (!authorization) return 'no token';
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization.trim());
  if (!match) return 'not a bearer JWT';
  const header = decodePart(match[1]!);
  const payload = decodePart(match[2]!);
  if (!header || !payload) return 'undecodable';
  if (typeof header.alg !== 'string' || !asymmetric.has(header.alg)) return 'algorithm not allowed';
  if (typeof header.kid !== 'string' || header.kid === '') return 'no key id';
  if (typeof payload.iss !== 'string' || typeof payload.aud !== 'string') return 'no issuer or audience';
  return undefined;
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
