import type { MunicipalityNumber } from './municipality';

/**
 * The agreement's rules for the cooperation board: seven representatives, one from each named
 * region, at least two from small municipalities, two-year terms (re-election allowed), at least
 * four meetings a year. They are checked as warnings only: a cooperation can be out of line for
 * a while (a seat vacant between elections), and refusing the file would help nobody.
 */
export interface BoardRegion {
  readonly name: string;
  readonly municipalities: readonly MunicipalityNumber[];
}

export interface BoardRules {
  readonly seats: number;
  readonly smallAtLeast: number;
  readonly termYears: number;
  readonly meetingsPerYear: number;
  /** Empty: the regions are not described, and not checked. */
  readonly regions: readonly BoardRegion[];
}
