import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandTable } from '../../src/app/commands/command-table';
import { Catalogue, loadMessages } from '../../src/i18n/catalogue';
import { formatDate, formatDateTime, formatLongDate, formatTime } from '../../src/i18n/dates';
import { localeFrom, type Locale } from '../../src/i18n/locale';
import { osloDate } from '../../src/domain/oslo-time';
import { readFormInstant } from '../../src/domain/oslo-when';
import { icuArgumentsOf } from '../fixtures/icu-arguments';

const catalogue = Catalogue.load();
const src = join(__dirname, '..', '..', 'src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

describe('message catalogues', () => {
  it('have the same keys in nb and en', () => {
    expect(catalogue.keys('en').sort()).toEqual(catalogue.keys('nb').sort());
  });

  it('have every literal key the code uses', () => {
    const used = new Set<string>();
    for (const file of files(src).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\.t\('([a-z0-9.-]+)'/gi)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((k) => !catalogue.for('nb').has(k));
    expect(missing).toEqual([]);
  });

  it('have words, usage and description for every command', () => {
    for (const c of commandTable())
      for (const part of ['name', 'usage', 'description'])
        for (const l of ['nb', 'en'] as const)
          expect(catalogue.for(l).has(`command.${c.id}.${part}`), `${l} command.${c.id}.${part}`).toBe(true);
  });

  it('compile in both languages and take the same arguments in each', () => {
    const raw = (l: string) => loadMessages(l as Locale) as Record<string, string>;
    const nb = raw('nb');
    const en = raw('en');
    for (const key of Object.keys(nb)) expect(icuArgumentsOf(en[key] ?? ''), key).toEqual(icuArgumentsOf(nb[key]!));
  });

  it('refuse a key that two area files both define', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samrad-locales-'));
    mkdirSync(join(dir, 'nb'));
    writeFileSync(join(dir, 'nb', 'a.json'), JSON.stringify({ 'x.y': 'A' }));
    writeFileSync(join(dir, 'nb', 'b.json'), JSON.stringify({ 'x.y': 'B' }));
    expect(() => loadMessages('nb', dir)).toThrow(/x\.y is in both nb\/a\.json and nb\/b\.json/);
    rmSync(dir, { recursive: true });
  });

  it('use plurals and Norwegian number formatting', () => {
    const nb = catalogue.for('nb');
    expect(nb.t('members.summary', { count: 1 })).toBe('1 medlem');
    expect(nb.t('members.summary', { count: 7 })).toBe('7 medlemmer');
    expect(nb.t('number', { value: 130000 })).toBe('130\u00a0000');
  });
});

describe('locale and Oslo dates', () => {
  it('maps Teams locales to nb or en', () => {
    expect(localeFrom('nb-NO')).toBe('nb');
    expect(localeFrom('nn-NO')).toBe('nb');
    expect(localeFrom('en-US')).toBe('en');
    expect(localeFrom('de-DE')).toBe('nb');
    expect(localeFrom(undefined, 'en')).toBe('en');
  });

  it('writes dates in Oslo time the Norwegian way, across daylight saving', () => {
    const winter = new Date('2026-01-15T08:30:00Z'); // 09.30 in Oslo (CET)
    const summer = new Date('2026-06-15T08:30:00Z'); // 10.30 in Oslo (CEST)
    expect(formatDate(winter, 'nb')).toBe('15.01.2026');
    expect(formatTime(winter, 'nb')).toBe('kl. 09.30');
    expect(formatTime(summer, 'nb')).toBe('kl. 10.30');
    expect(formatDateTime(summer, 'en')).toBe('15 Jun 2026 10:30');
    expect(formatLongDate(winter, 'nb')).toBe('torsdag 15. januar 2026');
  });

  it('takes the Oslo calendar date, not UTC', () => {
    expect(osloDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('Oslo wall-clock times', () => {
  it('turn into instants across daylight saving', () => {
    expect(readFormInstant('2026-01-15', '09:30')?.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(readFormInstant('2026-06-15', '09:30')?.toISOString()).toBe('2026-06-15T07:30:00.000Z');
    expect(readFormInstant('2026-03-29', '03:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // just after the spring change
    expect(readFormInstant('2026-02-30', '10:00')).toBeUndefined();
    expect(readFormInstant('2026-02-10', '25:00')).toBeUndefined();
  });
});
