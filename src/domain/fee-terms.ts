import type { MunicipalityNumber } from './municipality';

/**
 * The membership fee (kontingent): a yearly amount per inhabitant, paid on a fixed day. Money is
 * counted in øre (integers) so that kr 3.50 × 7 001 inhabitants is exactly kr 24 503,50.
 */
export interface FeeRate {
  /** The first year this rate applies; it holds until a later rate starts. */
  readonly fromYear: number;
  readonly orePerInhabitant: number;
}

export interface FeeTerms {
  readonly rates: readonly FeeRate[];
  /** The day of the year the fee is paid: 15 January in the agreement. */
  readonly due: { readonly month: number; readonly day: number };
}

/** Population as of 1 January of a year, with where the figures come from. */
export interface PopulationCount {
  readonly year: number;
  /** Statistics Norway's table 07459 for a real cooperation. */
  readonly source: string;
  /** Figures that are examples, not official: every listing says so. */
  readonly sample: boolean;
  readonly counts: Readonly<Record<MunicipalityNumber, number>>;
}
