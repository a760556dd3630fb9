import { createPublicKey, type JsonWebKey } from 'node:crypto';

/** What the SDK's token extractor asks its key source for: a PEM and the channels it signs for. */
export interface SigningKey {
  readonly key: string;
  readonly endorsements?: string[];
}

/** The keys cannot be had (network, timeout, a bad answer): the request should be retried later. */
export class SigningKeysUnavailable extends Error {
  constructor(
    readonly metadataUrl: string,
    options?: { cause?: unknown },
  ) {
    super('signing keys unavailable', options);
    this.name = 'SigningKeysUnavailable';
  }
}

export interface SigningKeyOptions {
  /** Bounds the metadata and key fetch together. */
  readonly timeoutMs?: number;
  /** How long fetched keys are used before they are fetched again. */
  readonly refreshMs?: number;
  /** After a failed fetch, requests are answered from the failure for this long, not refetched. */
  readonly failureCacheMs?: number;
  /** An unknown key id fetches the keys again at most this often (Microsoft rotates them). */
  readonly unknownKeyRefetchMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

const defaults = {
  timeoutMs: 5_000,
  refreshMs: 24 * 60 * 60_000,
  failureCacheMs: 30_000,
  unknownKeyRefetchMs: 5 * 60_000,
};

interface Jwk extends JsonWebKey {
  kid?: string;
  endorsements?: string[];
}

/**
 * The signing keys behind one OpenID metadata address, fetched with a bound, cached, and
 * fetched by one request at a time. The SDK's own fetch has no timeout and no memory of
 * failures, so a storm of requests while Microsoft is unreachable would each wait and refetch.
 */
export class SigningKeys {
  private readonly o: Required<Omit<SigningKeyOptions, 'fetch' | 'now'>> & { fetch: typeof fetch; now: () => number };
  private keys?: Map<string, SigningKey>;
  private fetchedAt = 0;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private failure?: { at: number; error: SigningKeysUnavailable };
  private inFlight?: Promise<void>;

  constructor(
    readonly metadataUrl: string,
    options: SigningKeyOptions = {},
  ) {
    this.o = {
      ...defaults,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
      fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
      now: options.now ?? Date.now,
    };
  }

  /** The key with this id, or null when it is not among Microsoft's keys (the SDK answers 401). */
  async getKey(keyId: string): Promise<SigningKey | null> {
    const now = this.o.now();
    if (!this.keys || now - this.fetchedAt >= this.o.refreshMs) {
      try {
        await this.refresh();
      } catch (error) {
        // Stale keys are better than none: Microsoft announces rotations weeks ahead.
        if (!this.keys) throw error;
      }
    } else if (!this.keys.has(keyId) && now - this.attemptedAt >= this.o.unknownKeyRefetchMs) {
      await this.refresh().catch(() => undefined);
    }
    return this.keys?.get(keyId) ?? null;
  }

  private refresh(): Promise<void> {
    const now = this.o.now();
    if (this.failure && now - this.failure.at < this.o.failureCacheMs) return Promise.reject(this.failure.error);
    this.inFlight ??= this.load()
      .then(
        (keys) => {
          this.keys = keys;
          this.fetchedAt = this.o.now();
          this.failure = undefined;
        },
        (cause: unknown) => {
          const error =
            cause instanceof SigningKeysUnavailable ? cause : new SigningKeysUnavailable(this.metadataUrl, { cause });
          this.failure = { at: this.o.now(), error };
          throw error;
        },
      )
      .finally(() => {
        this.attemptedAt = this.o.now();
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private async load(): Promise<Map<string, SigningKey>> {
    const signal = AbortSignal.timeout(this.o.timeoutMs);
    const metadata = (await this.json(this.metadataUrl, signal)) as { jwks_uri?: unknown };
    const jwksUri = typeof metadata.jwks_uri === 'string' ? metadata.jwks_uri : '';
    if (!jwksUri.startsWith('https://'))
      throw new SigningKeysUnavailable(this.metadataUrl, { cause: new Error('no https jwks_uri') });
    const { keys } = (await this.json(jwksUri, signal)) as { keys?: unknown };
    if (!Array.isArray(keys)) throw new SigningKeysUnavailable(this.metadataUrl, { cause: new Error('no keys') });
    return new Map((keys as Jwk[]).flatMap((jwk) => toSigningKey(jwk)));
  }

  private async json(url: string, signal: AbortSignal): Promise<unknown> {
    const res = await this.o.fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const body: unknown = await res.json();
    if (!body || typeof body !== 'object') throw new Error(`${url} answered no JSON object`);
    return body;
  }
}

/** RSA keys only, as the SDK allows only RS256/384/512; anything else is skipped, not fatal. */
function toSigningKey(jwk: Jwk): [string, SigningKey][] {
  if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA' || !jwk.n || !jwk.e) return [];
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' })
      .export({ format: 'pem', type: 'spki' })
      .toString();
    return [[jwk.kid, { key, ...(Array.isArray(jwk.endorsements) && { endorsements: jwk.endorsements.map(String) }) }]];
  } catch {
    return []; // A key Node cannot read cannot sign anything we accept.
  }
}
