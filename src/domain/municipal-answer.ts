import type { MunicipalityNumber } from './municipality';
import type { Organisation } from './organisation';
import type { Result } from './result';
import { ok } from './result';
import { newestSubmitted, newestVersion } from './versions';

/**
 * A municipality's answer, the one model behind innspill (input to a meeting) and høringssvar
 * (a response to a hearing): versions never overwritten, who gave it in which capacity, and a
 * retried card's key. Input and hearing responses add only their subject, content and rules.
 */
export type Capacity = 'respondent' | 'deputy';

export interface MunicipalAnswer {
  readonly municipality: MunicipalityNumber;
  readonly givenBy: string;
  readonly givenAs: Capacity;
  readonly status: 'draft' | 'submitted';
  readonly version: number;
  readonly at: string;
  readonly idempotencyKey: string;
}

/** What every answer's card sends besides its content. `givenBy` is the authenticated person, never the payload's claim. */
export interface AnswerSubmission {
  readonly givenBy: string;
  /** Needed only when the person answers for more than one municipality. */
  readonly municipality?: MunicipalityNumber;
  readonly status: 'draft' | 'submitted';
  readonly idempotencyKey: string;
}

/** The answers after a save, the one that shows now, and whether a version was added. */
export interface AnswerSaved<A extends MunicipalAnswer> {
  readonly all: readonly A[];
  readonly answer: A;
  /** False for a retried card or an answer identical to the latest one. */
  readonly recorded: boolean;
}

/**
 * What one kind of answer adds to the shared save, each step a refusal or a go-ahead, checked
 * in this order after a retried card has had its first answer back: whether answers are still
 * taken; who answers, for which municipality; whether the card shows the current subject; what
 * it says. Then an answer identical to the latest adds no version.
 */
export interface AnswerRules<A extends MunicipalAnswer, C> {
  readonly replayConflict: () => Result<never>;
  readonly stillOpen: () => Result<never> | undefined;
  readonly answeringFor: () => Result<{ municipality: MunicipalityNumber; role: Capacity }>;
  readonly cardCurrent: () => Result<never> | undefined;
  readonly content: () => Result<C>;
  readonly isSubject: (a: A) => boolean;
  readonly sameAs: (latest: A, content: C) => boolean;
  readonly build: (content: C, version: MunicipalAnswer) => A;
}

/** Saves a draft or submits, by the rules every municipal answer shares (see AnswerRules). */
export function saveAnswer<A extends MunicipalAnswer, C>(
  answers: readonly A[],
  s: AnswerSubmission,
  rules: AnswerRules<A, C>,
  now: Date,
): Result<AnswerSaved<A>> {
  const retry = replayed(answers, s.idempotencyKey, s.givenBy);
  if (retry === 'conflict') return rules.replayConflict();
  if (retry) return ok({ all: answers, answer: retry.seen, recorded: false });
  const closed = rules.stillOpen();
  if (closed) return closed;
  const who = rules.answeringFor();
  if (!who.ok) return who;
  const stale = rules.cardCurrent();
  if (stale) return stale;
  const content = rules.content();
  if (!content.ok) return content;
  const { municipality, role } = who.value;
  const latest = latestOf(answers, rules.isSubject, municipality);
  if (latest && latest.status === s.status && rules.sameAs(latest, content.value))
    return ok({ all: answers, answer: latest, recorded: false });
  const answer = rules.build(content.value, {
    municipality,
    givenBy: s.givenBy,
    givenAs: role,
    status: s.status,
    version: (latest?.version ?? 0) + 1,
    at: now.toISOString(),
    idempotencyKey: s.idempotencyKey,
  });
  return ok({ all: [...answers, answer], answer, recorded: true });
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
function replayed<T extends MunicipalAnswer>(
  answers: readonly T[],
  idempotencyKey: string,
  givenBy: string,
): { seen: T } | 'conflict' | undefined {
  const seen = answers.find((a) => a.idempotencyKey === idempotencyKey);
  if (!seen) return undefined;
  return seen.givenBy === givenBy ? { seen } : 'conflict';
}

/** The newest version of one municipality's answer to one subject, draft or submitted: what its card shows. */
export const latestOf = <T extends MunicipalAnswer>(
  answers: readonly T[],
  isSubject: (a: T) => boolean,
  municipality: MunicipalityNumber,
): T | undefined => newestVersion(answers, (a) => isSubject(a) && a.municipality === municipality);

/** The answer that counts: the newest submitted version. A later draft does not unsay it. */
export const countingOf = <T extends MunicipalAnswer>(
  answers: readonly T[],
  isSubject: (a: T) => boolean,
  municipality: MunicipalityNumber,
): T | undefined => newestSubmitted(answers, (a) => isSubject(a) && a.municipality === municipality);

/** Every version one municipality saved on one subject, oldest first: the record kept of who said what. */
export const historyOf = <T extends MunicipalAnswer>(
  answers: readonly T[],
  isSubject: (a: T) => boolean,
  municipality: MunicipalityNumber,
): T[] => answers.filter((a) => isSubject(a) && a.municipality === municipality).sort((a, b) => a.version - b.version);
