import type { MunicipalityNumber } from './municipality';
import type { Organisation } from './organisation';
import { newestSubmitted, newestVersion } from './versions';

/**
 * The parts every municipal answer shares (innspill to a meeting, høringssvar to a hearing):
 * versions never overwritten, who gave it in which capacity, and a retried card's key.
 * Input and hearing answers add only their own content and rules.
 */
export type Capacity = 'respondent' | 'deputy';

export interface AnswerVersion {
  readonly municipality: MunicipalityNumber;
  readonly givenBy: string;
  readonly givenAs: Capacity;
  readonly status: 'draft' | 'submitted';
  readonly version: number;
  readonly at: string;
  readonly idempotencyKey: string;
}

/** The municipalities a person answers for, with the capacity they answer in. */
export function answersFor(
  org: Organisation,
  memberId: string,
): { municipality: MunicipalityNumber; role: Capacity }[] {
  return (
    org.members
      .find((m) => m.id === memberId)
      ?.respondentFor.map((r) => ({ municipality: r.municipality, role: r.role })) ?? []
  );
}

/** A retried card gets its first answer; the same key from someone else is a conflict. */
export function replayed<T extends AnswerVersion>(
  answers: readonly T[],
  idempotencyKey: string,
  givenBy: string,
): { seen: T } | 'conflict' | undefined {
  const seen = answers.find((a) => a.idempotencyKey === idempotencyKey);
  if (!seen) return undefined;
  return seen.givenBy === givenBy ? { seen } : 'conflict';
}

/** The newest version of one municipality's answer to one subject, draft or submitted: what its card shows. */
export const latestOf = <T extends AnswerVersion>(
  answers: readonly T[],
  isSubject: (a: T) => boolean,
  municipality: MunicipalityNumber,
): T | undefined => newestVersion(answers, (a) => isSubject(a) && a.municipality === municipality);

/** The answer that counts: the newest submitted version. A later draft does not unsay it. */
export const countingOf = <T extends AnswerVersion>(
  answers: readonly T[],
  isSubject: (a: T) => boolean,
  municipality: MunicipalityNumber,
): T | undefined => newestSubmitted(answers, (a) => isSubject(a) && a.municipality === municipality);

/** The next version number: versions are never overwritten. */
export const nextVersion = (latest: AnswerVersion | undefined): number => (latest?.version ?? 0) + 1;
