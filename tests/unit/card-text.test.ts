import { describe, expect, it } from 'vitest';
import { addressLink, isSafeUrl, plainLabel, plainText } from '../../src/presentation/card-text';

describe('plainText: what a person typed, shown as text on a Markdown card', () => {
  it('leaves ordinary Norwegian text as it is', () => {
    expect(plainText('Gol (Mot): For lite til legevakt, 15.01.2026 kl. 09.30 – 50 % av 2/3!')).toBe(
      'Gol (Mot): For lite til legevakt, 15.01.2026 kl. 09.30 – 50 % av 2/3!',
    );
  });

  it('a link cannot be disguised: the brackets are escaped', () => {
    expect(plainText('[Klikk her](https://evil.example/login) for Gols vedtak')).toBe(
      '\\[Klikk her\\](https://evil.example/login) for Gols vedtak',
    );
  });

  it('a fake notice stays one paragraph of plain text: no bold, no blank line, no list', () => {
    expect(plainText('**VIKTIG: Møtet er avlyst**\n\n\n- Fra sekretariatet: møtet er avlyst\r\n  1. Les mer')).toBe(
      '\\*\\*VIKTIG: Møtet er avlyst\\*\\*\n\\- Fra sekretariatet: møtet er avlyst\n1\\. Les mer',
    );
  });

  it('headings, quotes, rules, code, HTML, autolinks and entities are escaped', () => {
    expect(plainText('# A\n> B\n---\n`c`\n<b>x</b> <https://e.example>\n&#x202E;')).toBe(
      '\\# A\n\\> B\n\\---\n\\`c\\`\n\\<b>x\\</b> \\<https://e.example>\n\\&#x202E;',
    );
  });

  it('breaks the Adaptive Card date and time functions', () => {
    expect(plainText('{{DATE(2026-01-15T09:30:00Z, SHORT)}} {{{TIME(2026-01-15T09:30:00Z)}}}')).not.toMatch(/\{\{/);
    expect(plainLabel('{{DATE(2026-01-15T09:30:00Z)}}')).not.toMatch(/\{\{/);
    expect(plainText('${binding} {one}')).toBe('${binding} {one}');
  });

  it('removes bidi overrides and isolates, zero-width and other invisible characters', () => {
    const shown = plainText(
      'Sak \u202Eegnal\u202C \u2066x\u2069 \u200Ey\u200F \u061Cz \u200Bw\u200C\u200D\u2060\uFEFF\u00AD \u0007\u001B \uE000m\uE001 \uFFFE',
    );
    expect(shown).toBe('Sak egnal x y z w  m');
    expect(shown).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\uFEFF\uE000\uE001\uFFFE]/);
  });

  it('a label has no Markdown, so only the invisible characters and date functions go', () => {
    expect(plainLabel('Stem *for* [x]\n\nneste \u202Elinje')).toBe('Stem *for* [x] neste linje');
  });
});

describe('links the secretariat entered', () => {
  it('are shown as their address', () => {
    expect(addressLink('https://www.regjeringen.no/id_1')).toBe(
      '[https://www.regjeringen.no/id\\_1](https://www.regjeringen.no/id_1)',
    );
  });

  it('open only over https, or plain http to this machine', () => {
    expect(isSafeUrl('https://contoso.sharepoint.com/a.docx')).toBe(true);
    expect(isSafeUrl('http://127.0.0.1:3978/exports/a.docx')).toBe(true);
    for (const bad of [
      'http://evil.example/',
      'javascript:alert(1)',
      'data:text/html,x',
      'https://e.example/a b',
      'https://e.example/(x)',
    ]) {
      expect(isSafeUrl(bad), bad).toBe(false);
      expect(addressLink(bad)).not.toMatch(/\]\(/);
    }
  });
});
