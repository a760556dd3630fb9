import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Download links that need no sign-in but cannot be guessed or kept: an HMAC over the path
 * and an expiry. The secret comes from configuration; without one each process makes its
 * own, so links die with it, which is acceptable for a link handed out in a chat.
 */
export class SignedLinks {
  private readonly secret: Buffer;

  constructor(
    private readonly baseUrl: () => string,
    secret?: string,
    private readonly lifetimeMs = 60 * 60_000,
  ) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  /** A card posted to stay in a channel (a summary at the deadline) asks for a longer life. */
  link(path: string, now: Date, lifetimeMs = this.lifetimeMs): string {
    const expires = now.getTime() + lifetimeMs;
    return `${this.baseUrl().replace(/\/+$/, '')}${path}?expires=${expires}&sig=${this.sign(path, expires)}`;
  }

  verify(path: string, expires: string | undefined, sig: string | undefined, now: Date): boolean {
    const at = Number(expires);
    if (!sig || !Number.isFinite(at) || at < now.getTime()) return false;
    const wanted = Buffer.from(this.sign(path, at));
    const given = Buffer.from(sig);
    return wanted.length === given.length && timingSafeEqual(wanted, given);
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('base64url');
  }
}
