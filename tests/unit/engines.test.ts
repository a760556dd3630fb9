import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` warns EBADENGINE for any locked package whose engines.node excludes the running
 * Node. The build machines run Node 20, App Service Node 22; both must install silently.
 * The lowest release of each line the project supports, as package.json's engines say:
 */
const supported = ['20.19.0', '22.13.0', '24.0.0'];

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v
    .replace(/^v/, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
  return [a, b, c];
};
const compare = (x: Version, y: Version) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
const parts = (v: string) =>
  v
    .replace(/^v/, '')
    .split('.')
    .filter((p) => /^\d+$/.test(p)).length;

/** Enough of npm's range grammar for engines fields: ||, comparator sets, ^, ~, x and bare versions. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((set) => {
    const tokens = set
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    return tokens.every((token) => {
      if (token === '*' || token === 'x') return true;
      const [, op = '', raw = ''] = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(token)!;
      const r = parse(raw);
      const c = compare(v, r);
      if (op === '>=') return c >= 0;
      if (op === '>') return c > 0;
      if (op === '<=') return c <= 0;
      if (op === '<') return c < 0;
      if (op === '^') return c >= 0 && (r[0] > 0 ? v[0] === r[0] : v[0] === 0 && v[1] === r[1]);
      if (op === '~') return c >= 0 && v[0] === r[0] && v[1] === r[1];
      const n = parts(raw); // 20.x, 22, 1.2.3
      return v[0] === r[0] && (n < 2 || v[1] === r[1]) && (n < 3 || v[2] === r[2]);
    });
  });
}

const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', file), 'utf8'));

describe('engines', () => {
  it('the range checker reads npm ranges as npm does', () => {
    expect(satisfies('20.19.0', '>=20.19 <21 || >=22.12')).toBe(true);
    expect(satisfies('20.12.0', '>=20.19 <21 || >=22.12')).toBe(false);
    expect(satisfies('22.11.0', '>=20.19 <21 || >=22.12')).toBe(false);
    expect(satisfies('20.19.0', '>=22.0.0')).toBe(false);
    expect(satisfies('22.12.0', '^22.20 || ^24.12 || >=25')).toBe(false);
    expect(satisfies('24.0.0', '20.x || 22.x || 23.x || 24.x || 25.x')).toBe(true);
    expect(satisfies('20.19.0', '>= 14')).toBe(true);
    expect(satisfies('20.19.0', '^12.20.0 || ^14.13.1 || >=16.0.0')).toBe(true);
  });

  it('package.json allows every supported line', () => {
    const range = (read('package.json') as { engines: { node: string } }).engines.node;
    for (const version of supported) expect(satisfies(version, range), `${version} in ${range}`).toBe(true);
  });

  it('no locked package refuses a supported Node (npm ci would warn EBADENGINE)', () => {
    const lock = read('package-lock.json') as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, p]) => {
        const range = !Array.isArray(p.engines) ? p.engines?.node : undefined;
        return range
          ? supported
              .filter((v) => !satisfies(v, range))
              .map((v) => `${path}@${p.version} wants node ${range}, not ${v}`)
          : [];
      });
    expect(refusing).toEqual([]);
  });
});
