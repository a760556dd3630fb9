/** Norwegian municipality numbers are four digits, the first two naming the county. */
export type MunicipalityNumber = string;

export interface Municipality {
  readonly number: MunicipalityNumber;
  readonly name: string;
  readonly areas: readonly string[];
  readonly population: number;
  /** The agreement requires at least two board seats from small municipalities. */
  readonly small: boolean;
}

export const isMunicipalityNumber = (value: string): boolean => /^\d{4}$/.test(value);

export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'nb');
}
