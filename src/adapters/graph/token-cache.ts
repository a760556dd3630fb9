import type { TokenCredential } from '@azure/identity';

/** Renew this long before expiry, so a token never runs out in flight. */
const MARGIN_MS = 5 * 60_000;

/**
 * One token for every request, and one refresh in flight however many requests wait for it:
 * a fan-out of 356 writes asks the identity endpoint once, not 356 times.
 */
export function sharedToken(
  credential: TokenCredential,
  scope: string,
  now: () => number = Date.now,
): () => Promise<string> {
  let current: { token: string; expires: number } | undefined;
  let refreshing: Promise<string> | undefined;
  return () => {
    if (current && current.expires - MARGIN_MS > now()) return Promise.resolve(current.token);
    refreshing ??= credential
      .getToken(scope)
      .then((t) => {
        if (!t) throw new Error(`GRAPH.NO_TOKEN: the credential gave no token for ${scope}`);
        current = { token: t.token, expires: t.expiresOnTimestamp };
        return t.token;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };
}
