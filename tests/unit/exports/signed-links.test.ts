import { describe, expect, it } from 'vitest';
import { SignedLinks } from '../../../src/app/exports/signed-links';

const at = new Date('2026-11-23T10:00:00Z');
const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('signed download links', () => {
  const links = new SignedLinks(() => 'http://127.0.0.1:3978/', 'a-secret-of-at-least-thirty-two-characters');

  it('verify for their own path until they expire', () => {
    const url = links.link('/exports/M4TQ2/grunnlag.docx', at);
    expect(url.startsWith('http://127.0.0.1:3978/exports/M4TQ2/grunnlag.docx?expires=')).toBe(true);
    const { expires, sig } = query(url);
    expect(links.verify('/exports/M4TQ2/grunnlag.docx', expires, sig, new Date(at.getTime() + 59 * 60_000))).toBe(true);
    expect(links.verify('/exports/M4TQ2/grunnlag.docx', expires, sig, new Date(at.getTime() + 61 * 60_000))).toBe(
      false,
    );
  });

  it('refuse another path, a changed expiry, a forged signature, or another secret', () => {
    const { expires, sig } = query(links.link('/exports/M4TQ2/grunnlag.docx', at));
    expect(links.verify('/exports/ZZZZZ/grunnlag.docx', expires, sig, at)).toBe(false);
    expect(links.verify('/exports/M4TQ2/grunnlag.docx', String(Number(expires) + 1), sig, at)).toBe(false);
    expect(links.verify('/exports/M4TQ2/grunnlag.docx', expires, 'forged', at)).toBe(false);
    expect(links.verify('/exports/M4TQ2/grunnlag.docx', expires, undefined, at)).toBe(false);
    const other = new SignedLinks(() => 'http://x', 'another-secret-of-at-least-thirty-two-chars');
    expect(other.verify('/exports/M4TQ2/grunnlag.docx', expires, sig, at)).toBe(false);
  });

  it('tell a genuine expired link from a forged one, and refuse an expiry written any other way', () => {
    const path = '/calendar/ev-00000000000000000000000000000000.ics';
    const url = links.linkUntil(path, new Date('2026-12-01T00:00:00Z'));
    const { expires, sig } = query(url);
    expect(expires).toBe(String(Date.parse('2026-12-01T00:00:00Z')));
    expect(links.check(path, expires, sig, at)).toBe('valid');
    expect(links.check(path, expires, sig, new Date('2026-12-01T00:00:01Z'))).toBe('expired');
    expect(links.check(path, expires, 'forged', new Date('2026-12-01T00:00:01Z'))).toBe('invalid');
    expect(links.check(path, `${expires}.0`, sig, at)).toBe('invalid');
    expect(links.check(path, `+${expires}`, sig, at)).toBe('invalid');
    expect(links.check(path, undefined, sig, at)).toBe('invalid');
  });
});
