import type { MunicipalityNumber } from './municipality';
import type { Organisation } from './organisation';
import type { Result } from './result';
import { fail, ok } from './result';
import type { Withdrawal } from './withdrawal';
import { isMemberOn } from './withdrawal';

import type { FeeTerms, PopulationCount } from './fee-terms';

/** What the 2019 agreement says when the organisation file says nothing: kr 3 per inhabitant, 15.01. */
export const AGREEMENT_FEE_TERMS: FeeTerms = {
  rates: [{ fromYear: 2019, orePerInhabitant: 300 }],
  due: { month: 1, day: 15 },
};

export interface FeeLine {
  readonly municipality: MunicipalityNumber;
  readonly name: string;
  /** Undefined when the year's figures have no count for it: it is listed, not charged. */
  readonly population?: number;
  readonly ore: number;
  /** Set when it has left by the due date: it pays nothing. */
  readonly leftOn?: string;
}

export interface FeeSchedule {
  readonly year: number;
  readonly dueDate: string;
  readonly orePerInhabitant: number;
  /** The figures used: the year's own, or the latest before it. */
  readonly population: Omit<PopulationCount, 'counts'>;
  readonly lines: readonly FeeLine[];
  readonly totalOre: number;
  readonly missing: readonly MunicipalityNumber[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export const feeTerms = (org: Organisation): FeeTerms => org.fees ?? AGREEMENT_FEE_TERMS;

export function feeDueDate(terms: FeeTerms, year: number): string {
  return `${year}-${pad(terms.due.month)}-${pad(terms.due.day)}`;
}

/** The rate in force for the year: the latest that started in or before it. */
export function rateFor(terms: FeeTerms, year: number): number | undefined {
  return [...terms.rates].filter((r) => r.fromYear <= year).sort((a, b) => b.fromYear - a.fromYear)[0]
    ?.orePerInhabitant;
}

/** The year's figures, or the latest earlier year's (SSB publishes 1 January figures later in the year). */
export function populationFor(org: Organisation, year: number): PopulationCount | undefined {
  return [...(org.populations ?? [])].filter((p) => p.year <= year).sort((a, b) => b.year - a.year)[0];
}

/**
 * Each municipality's fee for the year: inhabitants × rate, nothing for one that has left by
 * the due date (a municipality still a member on the due date owes that year's fee).
 */
export function feeSchedule(org: Organisation, withdrawals: readonly Withdrawal[], year: number): Result<FeeSchedule> {
  const terms = feeTerms(org);
  const rate = rateFor(terms, year);
  if (rate === undefined) return fail('FEES.NO_RATE', { year, first: Math.min(...terms.rates.map((r) => r.fromYear)) });
  const figures = populationFor(org, year);
  if (!figures) return fail('FEES.NO_POPULATION', { year });
  const dueDate = feeDueDate(terms, year);
  const missing: MunicipalityNumber[] = [];
  const lines = [...org.municipalities]
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
    .map((m): FeeLine => {
      const population = figures.counts[m.number];
      const left = withdrawals.find((w) => w.municipality === m.number && !isMemberOn(withdrawals, m.number, dueDate));
      if (population === undefined && !left) missing.push(m.number);
      const base = { municipality: m.number, name: m.name, ...(population !== undefined && { population }) };
      if (left) return { ...base, ore: 0, leftOn: left.effectiveDate };
      return { ...base, ore: (population ?? 0) * rate };
    });
  const { counts: _counts, ...population } = figures;
  return ok({
    year,
    dueDate,
    orePerInhabitant: rate,
    population,
    lines,
    totalOre: lines.reduce((s, l) => s + l.ore, 0),
    missing,
  });
}
