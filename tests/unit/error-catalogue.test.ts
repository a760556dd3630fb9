import { describe, expect, it } from 'vitest';
import { errorText, refusalText } from '../../src/app/error-text';
import { errorCatalogue, isErrorCode } from '../../src/domain/error-catalogue';
import type { ErrorCode } from '../../src/domain/error-catalogue';
import { fail } from '../../src/domain/result';
import { Catalogue, loadMessages } from '../../src/i18n/catalogue';
import { icuArgumentsOf } from '../fixtures/icu-arguments';

const catalogue = Catalogue.load();
const raw = { nb: loadMessages('nb'), en: loadMessages('en') };

const codes = Object.keys(errorCatalogue) as ErrorCode[];

describe('one catalogue of refusals', () => {
  it('every code has a text in nb and in en', () => {
    expect(codes.length).toBeGreaterThan(150);
    for (const l of ['nb', 'en'] as const)
      expect(
        codes.filter((c) => raw[l][`error.${c}`] === undefined),
        `${l}: codes with no text`,
      ).toEqual([]);
  });

  it('every error text in the catalogues is a code the compiler knows', () => {
    for (const l of ['nb', 'en'] as const) {
      const keyed = Object.keys(raw[l])
        .filter((k) => /^error\.[A-Z_]+\.[A-Z0-9_]+$/.test(k))
        .map((k) => k.slice('error.'.length));
      expect(
        keyed.filter((c) => !isErrorCode(c)),
        `${l}: texts with no code`,
      ).toEqual([]);
    }
  });

  it('the nb and en texts take exactly the parameters the code declares', () => {
    const wrong: string[] = [];
    for (const c of codes)
      for (const l of ['nb', 'en'] as const) {
        const declared = [...errorCatalogue[c]].sort();
        const taken = icuArgumentsOf(raw[l][`error.${c}`] ?? '');
        if (JSON.stringify(declared) !== JSON.stringify(taken))
          wrong.push(`${l} ${c}: declared ${declared.join(',')} / text ${taken.join(',')}`);
      }
    expect(wrong).toEqual([]);
  });

  it('a refusal whose parameter went missing still says why, not the apology', () => {
    const nb = catalogue.for('nb');
    const apology = nb.t('error.apology', { correlationId: 'x' }).slice(0, 20);
    // What `lukk avstemning` did when the vote went away under it: the code without its vote.
    const said = errorText(nb, { code: 'VOTE.UNKNOWN' });
    expect(said).toBe('Jeg finner ingen avstemning.');
    expect(said).not.toContain(apology);
    expect(errorText(catalogue.for('en'), { code: 'VOTE.UNKNOWN' })).not.toMatch(/\{|\}| {2}/);
    expect(errorText(nb, { code: 'VOTE.UNKNOWN', params: { vote: 'K7M2Q' } })).toBe(
      'Jeg finner ingen avstemning K7M2Q.',
    );
  });

  it('builds refusals the compiler checks against the catalogue', () => {
    const nb = catalogue.for('nb');
    expect(refusalText(nb, 'VOTE.TITLE_TOO_LONG', { max: 300 })).toContain('300');
    const refused = fail('VOTE.UNKNOWN', { vote: 'K7M2Q' });
    expect(refused.ok || refused.error).toEqual({ code: 'VOTE.UNKNOWN', params: { vote: 'K7M2Q' } });
    // @ts-expect-error: VOTE.UNKNOWN names its vote; without it the code does not compile.
    expect(fail('VOTE.UNKNOWN').ok).toBe(false);
    // @ts-expect-error: a code that is in no catalogue does not compile either.
    expect(fail('VOTE.NO_SUCH_CODE').ok).toBe(false);
  });
});
