import type { Organisation } from '../domain/organisation';
import type { Result } from '../domain/result';

/** A problem in the organisation file, placed where a person can find it. */
export interface SourceProblem {
  readonly code: string;
  readonly field: string;
  readonly line?: number;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface OrganisationSource {
  readonly location: string;
  load(): Promise<Result<Organisation, { code: 'ORGANISATION.INVALID'; problems: SourceProblem[] }>>;
}
