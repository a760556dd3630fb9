import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a presented link is: good, genuine but past its expiry, or not ours at all. */
export type LinkCheck = 'valid' | 'expired' | 'invalid';

/**
 * Links that need no sign-in but cannot be guessed or kept: an HMAC over the path and an
 * expiry. The secret comes from configuration; without one each process makes its own, so
 * links die with it, which is acceptable for a link handed out in a chat. Downloads and the
 * local calendar's .ics files both use them.
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
    return this.linkUntil(path, new Date(now.getTime() + lifetimeMs));
  }

  /** A link that works until a known moment, such as some days after a meeting ends. */
  linkUntil(path: string, expiresAt: Date): string {
    const expires = expiresAt.getTime();
    return `${this.baseUrl().replace(/\/+$/, '')}${path}?expires=${expires}&sig=${this.sign(path, expires)}`;
  }

  verify(path: string, expires: string | undefined, sig: string | undefined, now: Date): boolean {
    return this.check(path, expires, sig, now) === 'valid';
  }

  /** `expired` only for a link we signed: a forged one learns nothing from the answer. */
  check(path: string, expires: string | undefined, sig: string | undefined, now: Date): LinkCheck {
    if (!sig || !expires || !/^\d{1,16}$/.test(expires)) return 'invalid';
    const at = Number(expires);
    const wanted = Buffer.from(this.sign(path, at));
    const given = Buffer.from(sig);
    if (wanted.length !== given.length || !timingSafeEqual(wanted, given)) return 'invalid';
    return at < now.getTime() ? 'expired' : 'valid';
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('base64url');
  }
}
