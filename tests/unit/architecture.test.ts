import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const sources = files(join(root, 'src')).filter((f) => f.endsWith('.ts'));
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
const where = (file: string) => relative(join(root, 'src'), file);

describe('architecture', () => {
  it('the domain imports nothing outside itself: no I/O, no packages', () => {
    const offenders = sources
      .filter((f) => where(f).startsWith('domain/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => !i.startsWith('./'))
          .map((i) => `${where(f)} -> ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('only adapters/teams imports the Bot Framework SDK (it reached end of support)', () => {
    const offenders = sources
      .filter((f) => !where(f).startsWith('adapters/teams/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => /^(botbuilder|botframework-)/.test(i))
          .map((i) => `${where(f)} -> ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('application services and ports never import adapters', () => {
    const offenders = sources
      .filter((f) => /^(app|ports)\//.test(where(f)))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => i.includes('adapters/'))
          .map((i) => `${where(f)} -> ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('files stay small: none over 300 lines', () => {
    const long = sources
      .map((f) => [where(f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });
});
