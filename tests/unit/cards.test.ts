import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardRenderer, cardsDir } from '../../src/presentation/card-renderer';
import { cardProblems } from '../fixtures/card-validation';

const renderer = new CardRenderer();

describe('card templates', () => {
  const names = renderer.names();
  it('exist', () => expect(names.length).toBeGreaterThanOrEqual(8));

  for (const name of names) {
    it(`${name} renders with its sample data and parses cleanly in the Adaptive Cards library`, () => {
      const sampleFile = join(cardsDir, 'samples', `${name}.data.json`);
      expect(existsSync(sampleFile), `cards/samples/${name}.data.json`).toBe(true);
      const card = renderer.render(name, JSON.parse(readFileSync(sampleFile, 'utf8')));
      expect(cardProblems(card)).toEqual([]);
    });
  }

  it('the validator itself catches a broken card', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Nonsense' }] })).not.toEqual([]);
    expect(
      cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${oops}' }] }),
    ).not.toEqual([]);
  });

  it('templates carry no user-visible text of their own', () => {
    for (const name of names) {
      const raw = readFileSync(join(cardsDir, `${name}.json`), 'utf8');
      for (const m of raw.matchAll(/"(text|title)":\s*"([^"]*)"/g))
        expect(m[2], `${name}: ${m[0]}`).toMatch(/^(\$\{.*\}|- \$\{.*\})?$|\$\{/);
    }
  });
});
