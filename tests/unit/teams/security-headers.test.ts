import { describe, expect, it } from 'vitest';
import { attachmentDisposition, fileHeaders } from '../../../src/adapters/teams/security-headers';

describe('headers on served files', () => {
  it('make every file private, unsniffed, unframed, unscripted and without a Referer', () => {
    const h = fileHeaders({
      'content-type': 'text/markdown; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      ETag: '"1"',
    });
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('no-referrer');
    expect(h['Cache-Control']).toBe('private, no-store');
    expect(h['Content-Security-Policy']).toMatch(/^default-src 'none';/);
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(h['Content-Security-Policy']).toContain('sandbox');
    expect(h['content-type']).toBe('text/markdown; charset=utf-8');
    expect(h.ETag).toBe('"1"');
    // One Cache-Control only: the file's weaker one is replaced, not sent beside the strict one.
    expect(Object.keys(h).filter((k) => k.toLowerCase() === 'cache-control')).toEqual(['Cache-Control']);
  });

  it('give attachments a name no browser can be tricked by: no quotes, paths or line breaks', () => {
    expect(attachmentDisposition('horingssvar-H1.csv')).toBe(
      `attachment; filename="horingssvar-H1.csv"; filename*=UTF-8''horingssvar-H1.csv`,
    );
    const hostile = attachmentDisposition('../../etc/"x"\r\nSet-Cookie: a=b.docx');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).not.toContain('..');
    expect(hostile.match(/"/g)).toHaveLength(2);
    expect(attachmentDisposition('Høringsuttalelse Ål.docx')).toBe(
      `attachment; filename="Horingsuttalelse_Al.docx"; filename*=UTF-8''H%C3%B8ringsuttalelse%20%C3%85l.docx`,
    );
  });

  it("rewrite a file's own Content-Disposition the same safe way, keeping its UTF-8 name", () => {
    const h = fileHeaders({ 'Content-Disposition': attachmentDisposition('Protokoll Ål.md') });
    expect(h['Content-Disposition']).toBe(attachmentDisposition('Protokoll Ål.md'));
    expect(fileHeaders({ 'Content-Disposition': 'attachment; filename="a\\"b.ics"' })['Content-Disposition']).toMatch(
      /^attachment; filename="[\w.-]+";/,
    );
  });
});
