import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardRenderer, cardsDir } from '../../src/presentation/card-renderer';
import { markup } from '../../src/presentation/card-text';
import { cardFindings, hostile, hostileParts, poison, shownTexts } from '../fixtures/hostile-text';

const renderer = new CardRenderer();
const sample = (name: string): unknown =>
  JSON.parse(readFileSync(join(cardsDir, 'samples', `${name}.data.json`), 'utf8'));

describe('every card template with hostile text in every string of its sample data', () => {
  for (const name of renderer.names()) {
    it(`${name}: nothing a person typed is live Markdown, a date function or a bidi control`, () => {
      const card = renderer.render(name, poison(sample(name)) as object);
      const reached = shownTexts(card).filter((s) => hostileParts(s.text).length > 0);
      // The walk is only worth something if hostile text reached the card.
      expect(reached.length, `${name}: no shown text came from the data`).toBeGreaterThan(0);
      expect(cardFindings(card)).toEqual([]);
    });
  }

  it('the checker itself finds live Markdown in an unescaped card', () => {
    const raw = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: hostile() }] };
    const findings = cardFindings(raw);
    for (const kind of [
      'unescaped [',
      'unescaped *',
      'a blank line',
      'block start: - Fra',
      'a date function',
      'an invisible character U+202e',
    ]) {
      expect(
        findings.some((f) => f.includes(kind)),
        kind,
      ).toBe(true);
    }
  });

  it('catalogue markup keeps its bold, and a marker typed by a person cannot open markup', () => {
    const card = renderer.render('whoami', {
      title: markup('**Ingrid**'),
      subtitle: '',
      roles: '',
      lines: [{ text: '\uE000**falsk**\uE001' }],
    });
    const texts = shownTexts(card).map((s) => s.text);
    expect(texts).toContain('**Ingrid**');
    expect(texts).toContain('• \\*\\*falsk\\*\\*');
  });

  it('a link opens only over https (or this machine in local mode)', () => {
    const links = (url: string) =>
      JSON.stringify(renderer.render('input-summary', { ...(sample('input-summary') as object), docx: url }));
    expect(links('javascript:alert(1)')).not.toContain('javascript:');
    expect(links('http://evil.example/x.docx')).not.toContain('evil.example');
    expect(links('https://contoso.sharepoint.com/x.docx')).toContain('https://contoso.sharepoint.com/x.docx');
    expect(links('http://127.0.0.1:3978/exports/x.docx')).toContain('http://127.0.0.1:3978/exports/x.docx');
  });
});
