import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrganisation } from '../../../src/adapters/organisation-file/yaml-organisation-source';
import { feeDueDate, feeSchedule, rateFor, AGREEMENT_FEE_TERMS } from '../../../src/domain/fees';
import type { Organisation } from '../../../src/domain/organisation';
import type { Withdrawal } from '../../../src/domain/withdrawal';
import { formatKroner, plainKroner } from '../../../src/i18n/money';
import { feeYear } from '../../../src/app/cooperation/fee-args';
import { must } from '../../fixtures/organisation-builders';

const municipality = (number: string, name: string) => ({ number, name, areas: [], population: 0, small: false });

/** Two municipalities, the agreement's kr 3 from 2019 and the later kr 3.50 (from 2021 here). */
const org: Organisation = {
  cooperation: { name: 'KHS', hospitalTrust: 'Vestre Viken HF' },
  areas: [],
  municipalities: [municipality('3324', 'Gol'), municipality('3201', 'Bærum')],
  bodies: [],
  members: [],
  fees: {
    due: { month: 1, day: 15 },
    rates: [
      { fromYear: 2019, orePerInhabitant: 300 },
      { fromYear: 2021, orePerInhabitant: 350 },
    ],
  },
  populations: [
    { year: 2019, source: 'SSB 07459', sample: false, counts: { '3324': 4600, '3201': 126000 } },
    { year: 2026, source: 'SSB 07459', sample: true, counts: { '3324': 4601, '3201': 130000 } },
  ],
};

const left = (municipality: string, effectiveDate: string): Withdrawal => ({
  municipality,
  noticeDate: '2026-03-10',
  effectiveDate,
  recordedBy: 'x',
  recordedAt: '',
});

describe('the membership fee (kontingent)', () => {
  it('is kr 3 per inhabitant under the 2019 agreement, due 15 January', () => {
    const s = must(feeSchedule(org, [], 2019));
    expect(s.orePerInhabitant).toBe(300);
    expect(s.dueDate).toBe('2019-01-15');
    expect(s.lines.find((l) => l.name === 'Gol')?.ore).toBe(4600 * 300); // kr 13 800
    expect(s.totalOre).toBe((4600 + 126000) * 300);
  });

  it('is kr 3.50 × population later, counted exactly in øre (4 601 × 3,50 = 16 103,50)', () => {
    const s = must(feeSchedule(org, [], 2026));
    expect(s.lines.find((l) => l.name === 'Gol')?.ore).toBe(1_610_350);
    expect(formatKroner(1_610_350, 'nb').replace(/\u00a0/g, ' ')).toBe('kr 16 103,50');
    expect(s.totalOre).toBe(1_610_350 + 130000 * 350);
    expect(s.population).toEqual({ year: 2026, source: 'SSB 07459', sample: true });
  });

  it('uses the latest earlier figures for a year whose own are not published yet', () => {
    const s = must(feeSchedule(org, [], 2024));
    expect(s.population.year).toBe(2019);
    expect(s.orePerInhabitant).toBe(350);
  });

  it('lists the municipalities by name, Norwegian order', () => {
    expect(must(feeSchedule(org, [], 2026)).lines.map((l) => l.name)).toEqual(['Bærum', 'Gol']);
  });

  it('charges nothing to a municipality that has left by the due date, and the full fee the year it leaves', () => {
    const withdrawals = [left('3324', '2027-07-01')];
    const leaving = must(feeSchedule(org, withdrawals, 2027));
    expect(leaving.lines.find((l) => l.name === 'Gol')?.ore).toBe(1_610_350); // still a member on 15.01.2027
    const after = must(feeSchedule(org, withdrawals, 2028));
    const gol = after.lines.find((l) => l.name === 'Gol');
    expect(gol?.ore).toBe(0);
    expect(gol?.leftOn).toBe('2027-07-01');
    expect(after.totalOre).toBe(130000 * 350);
  });

  it('names municipalities without a figure rather than charging them kr 0 silently', () => {
    const partial: Organisation = {
      ...org,
      populations: [{ year: 2026, source: 'SSB', sample: false, counts: { '3201': 130000 } }],
    };
    const s = must(feeSchedule(partial, [], 2026));
    expect(s.missing).toEqual(['3324']);
  });

  it('refuses a year before the first rate, and a year without any figures', () => {
    expect(feeSchedule(org, [], 2018)).toMatchObject({ ok: false, error: { code: 'FEES.NO_RATE' } });
    expect(feeSchedule({ ...org, populations: [] }, [], 2026)).toMatchObject({
      ok: false,
      error: { code: 'FEES.NO_POPULATION' },
    });
  });

  it('falls back to the agreement (kr 3, 15 January) when the file says nothing', () => {
    expect(rateFor(AGREEMENT_FEE_TERMS, 2030)).toBe(300);
    expect(feeDueDate(AGREEMENT_FEE_TERMS, 2030)).toBe('2030-01-15');
  });

  it('writes kroner as Norwegians do, and plain for spreadsheets', () => {
    expect(formatKroner(123_450, 'nb').replace(/\u00a0/g, ' ')).toBe('kr 1 234,50');
    expect(formatKroner(123_450, 'en').replace(/\u00a0/g, ' ')).toBe('NOK 1,234.50');
    expect(plainKroner(123_450, 'nb')).toBe('1234,50');
    expect(plainKroner(123_450, 'en')).toBe('1234.50');
  });

  it('without a year asks for the year whose fee falls due next', () => {
    expect(feeYear(AGREEMENT_FEE_TERMS, '2026-12-02')).toBe(2027);
    expect(feeYear(AGREEMENT_FEE_TERMS, '2027-01-10')).toBe(2027);
    expect(feeYear(AGREEMENT_FEE_TERMS, '2027-01-10', 2025)).toBe(2025);
  });
});

describe('the fee terms in the organisation file', () => {
  const sample = readFileSync('config/organisation.yaml', 'utf8');

  it('the sample organisation carries population per year, marked as sample values from SSB table 07459', () => {
    const loaded = parseOrganisation(sample);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const { populations, fees } = loaded.value;
    expect(populations?.map((p) => p.year)).toEqual([2025, 2026]);
    for (const p of populations ?? []) {
      expect(p.sample).toBe(true);
      expect(p.source).toContain('07459');
      expect(Object.keys(p.counts)).toHaveLength(loaded.value.municipalities.length);
    }
    expect(fees?.rates).toEqual([
      { fromYear: 2019, orePerInhabitant: 300 },
      { fromYear: 2021, orePerInhabitant: 350 },
    ]);
  });

  it('refuses figures for a municipality that is not a member, naming it', () => {
    const bad = sample.replace('"3201": 130000', '"9999": 130000');
    const loaded = parseOrganisation(bad);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.problems).toContainEqual(
      expect.objectContaining({ code: 'ORGANISATION.UNKNOWN_MUNICIPALITY', params: { value: '9999' } }),
    );
  });

  it('refuses a rate with more than two decimals', () => {
    const loaded = parseOrganisation(sample.replace('perInhabitant: 3.5 }', 'perInhabitant: 3.555 }'));
    expect(loaded.ok).toBe(false);
  });
});
