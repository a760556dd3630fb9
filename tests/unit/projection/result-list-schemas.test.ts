import { describe, expect, it } from 'vitest';
import { CHOICES } from '../../../src/adapters/sharepoint/typed-lists/list-columns';
import { LIST_SCHEMAS } from '../../../src/adapters/sharepoint/typed-lists/list-schemas';
import { columnDefinition, fieldValue } from '../../../src/adapters/sharepoint/typed-lists/column-values';
import { Catalogue } from '../../../src/i18n/catalogue';
import { RESULT_LISTS } from '../../../src/ports/result-lists';

const catalogue = Catalogue.load();

/** SharePoint's limits, written here: about 20 indexes per list; internal names of letters and digits, at most 32 characters. */
const MAX_INDEXES = 20;
const INTERNAL_NAME = /^[A-Za-z][A-Za-z0-9]{0,31}$/;

describe('the result list schemas', () => {
  it('are one per result list, each with its key column unique and indexed', () => {
    expect(LIST_SCHEMAS.map((s) => s.list)).toEqual(RESULT_LISTS);
    for (const s of LIST_SCHEMAS)
      expect(s.columns.find((c) => c.name === 'SamradKey')).toMatchObject({ indexed: true, unique: true });
  });

  it('keep under SharePoint’s index limit and use internal names SharePoint takes', () => {
    for (const s of LIST_SCHEMAS) {
      expect(s.columns.filter((c) => c.indexed).length).toBeLessThanOrEqual(MAX_INDEXES);
      expect(s.internalName).toMatch(INTERNAL_NAME);
      for (const c of s.columns) expect(c.name).toMatch(INTERNAL_NAME);
      expect(new Set(s.columns.map((c) => c.name)).size).toBe(s.columns.length);
    }
  });

  it('name every list, column, view and choice in nb and en, choices distinct within a set', () => {
    for (const locale of ['nb', 'en'] as const) {
      const t = catalogue.for(locale);
      for (const s of LIST_SCHEMAS) {
        expect(t.has(`lists.${s.list}.title`)).toBe(true);
        for (const c of s.columns)
          expect(t.has(`lists.${s.list}.column.${c.name}`), `${locale} ${s.list}.${c.name}`).toBe(true);
        for (const v of s.views) expect(t.has(`lists.${s.list}.view.${v.key}`)).toBe(true);
      }
      for (const [set, keys] of Object.entries(CHOICES)) {
        const texts = keys.map((k) => t.t(`lists.choice.${set}.${k}`));
        expect(new Set(texts).size, `${locale} ${set}`).toBe(keys.length);
      }
    }
  });

  it('say a position in the words the cards use', () => {
    for (const locale of ['nb', 'en'] as const) {
      const t = catalogue.for(locale);
      for (const k of CHOICES.inputPosition)
        expect(t.t(`lists.choice.inputPosition.${k}`)).toBe(t.t(`input.position.${k}`));
      for (const k of CHOICES.hearingPosition)
        expect(t.t(`lists.choice.hearingPosition.${k}`)).toBe(t.t(`hearing.position.${k}`));
    }
  });

  it('view only columns their list has, sorted and grouped by indexed ones (the view threshold)', () => {
    for (const s of LIST_SCHEMAS) {
      const names = new Set(['LinkTitle', ...s.columns.map((c) => c.name)]);
      const indexed = new Set(s.columns.filter((c) => c.indexed).map((c) => c.name));
      expect(s.views.filter((v) => v.isDefault)).toHaveLength(1);
      for (const v of s.views) {
        for (const f of v.fields) expect(names.has(f), `${s.list} view ${v.key}: ${f}`).toBe(true);
        expect(indexed.has(v.orderBy[0]!.field), `${s.list} view ${v.key} sorts by ${v.orderBy[0]!.field}`).toBe(true);
        if (v.groupBy) expect(indexed.has(v.groupBy)).toBe(true);
      }
    }
  });
});

describe('column values', () => {
  const t = catalogue.for('nb');
  const col = (kind: Parameters<typeof fieldValue>[0]['kind'], extra = {}) => ({ name: 'X', kind, ...extra });

  it('write choices as their text, links as { Url, Description }, days as midnight UTC, instants without milliseconds', () => {
    expect(fieldValue(col('choice', { choices: 'taskStatus' }), 'open', t)).toBe('Åpen');
    expect(fieldValue(col('link'), { url: 'https://a.example/d.pdf', text: 'Saksframlegg' }, t)).toEqual({
      Url: 'https://a.example/d.pdf',
      Description: 'Saksframlegg',
    });
    expect(fieldValue(col('link'), { url: 'file://C:/d.pdf', text: 'x' }, t)).toBeNull();
    expect(fieldValue(col('date'), '2027-01-15', t)).toBe('2027-01-15T00:00:00Z');
    expect(fieldValue(col('dateTime'), '2026-12-10T09:00:00.000Z', t)).toBe('2026-12-10T09:00:00Z');
    expect(fieldValue(col('number'), 3, t)).toBe(3);
    expect(fieldValue(col('text'), '', t)).toBeNull();
  });

  it('cut text to what the column holds, and say so with an ellipsis', () => {
    const line = fieldValue(col('text'), 'x'.repeat(300), t) as string;
    expect(line).toHaveLength(255);
    expect(line.endsWith('…')).toBe(true);
    expect((fieldValue(col('note'), 'y'.repeat(70_000), t) as string).length).toBe(63_999);
  });

  it('define choice columns that take no other text', () => {
    const schema = LIST_SCHEMAS.find((s) => s.list === 'votes')!;
    const secrecy = schema.columns.find((c) => c.name === 'Secrecy')!;
    expect(columnDefinition(schema, secrecy, t)).toMatchObject({
      name: 'Secrecy',
      displayName: 'Avstemningsform',
      choice: { allowTextEntry: false, choices: ['Åpen (navngitt)', 'Hemmelig'] },
    });
  });
});
