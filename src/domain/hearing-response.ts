import type { Hearing } from './hearing';
import { checkLinks, HEARING_TEXT_MAX, isHearingClosed, isPastInternalDeadline } from './hearing';
import type { MunicipalityNumber } from './municipality';
import type { Organisation } from './organisation';
import type { Result } from './result';
import { fail, ok } from './result';
import type { AnswerSubmission, Capacity, MunicipalAnswer } from './municipal-answer';
import { answersFor, countingOf, latestOf, saveAnswer } from './municipal-answer';

/** A municipality's overall position on the hearing. */
export type HearingPosition = 'agree' | 'agree-with-remarks' | 'disagree' | 'no-comment';
export const hearingPositions: readonly HearingPosition[] = ['agree', 'agree-with-remarks', 'disagree', 'no-comment'];

export interface QuestionAnswer {
  readonly questionId: string;
  readonly text: string;
}

/**
 * Høringssvar: one version of a municipality's response (a MunicipalAnswer): never overwritten,
 * so the respondent's and the deputy's are both kept and the later one counts.
 */
export interface HearingResponse extends MunicipalAnswer {
  readonly hearingId: string;
  /** Given after the internal deadline: accepted, and flagged in the compiled statement. */
  readonly late: boolean;
  readonly hearingVersion: number;
  readonly position?: HearingPosition;
  readonly answers: readonly QuestionAnswer[];
  readonly text: string;
  readonly documents: readonly string[];
}

/** What a card sends. */
export interface ResponseSubmission extends AnswerSubmission {
  readonly hearingId: string;
  readonly hearingVersion: number;
  readonly position?: string;
  readonly answers: readonly QuestionAnswer[];
  readonly text: string;
  readonly documents: readonly string[];
}

export interface ResponseGiven {
  readonly responses: readonly HearingResponse[];
  readonly response: HearingResponse;
  /** False for a retried card or a response identical to the latest one. */
  readonly recorded: boolean;
}

/** The one municipality this person answers for here, and in what capacity. */
export function respondingFor(
  hearing: Hearing,
  org: Organisation,
  memberId: string,
  municipality?: MunicipalityNumber,
): Result<{ municipality: MunicipalityNumber; role: Capacity }> {
  const mine = answersFor(org, memberId).filter((r) => municipality === undefined || r.municipality === municipality);
  if (mine.length === 0) return fail('HEARING.NOT_REPRESENTATIVE');
  const asked = mine.filter((r) => hearing.municipalities.includes(r.municipality));
  if (asked.length === 0) return fail('HEARING.NOT_ASKED', { municipality: mine[0]!.municipality });
  if (asked.length > 1)
    return fail('HEARING.WHICH_MUNICIPALITY', { choices: asked.map((r) => r.municipality).join(',') });
  return ok(asked[0]!);
}

function contentProblem(hearing: Hearing, s: ResponseSubmission): Result<never> | undefined {
  const named = new Set<string>();
  for (const a of s.answers) {
    if (!hearing.questions.some((q) => q.id === a.questionId))
      return fail('HEARING.UNKNOWN_QUESTION', { question: a.questionId });
    if (named.has(a.questionId)) return fail('HEARING.DUPLICATE_QUESTION', { question: a.questionId });
    named.add(a.questionId);
    if (a.text.trim().length > HEARING_TEXT_MAX) return fail('HEARING.TEXT_TOO_LONG', { max: HEARING_TEXT_MAX });
  }
  if (s.text.trim().length > HEARING_TEXT_MAX) return fail('HEARING.TEXT_TOO_LONG', { max: HEARING_TEXT_MAX });
  if (s.position !== undefined && s.position !== '' && !(hearingPositions as readonly string[]).includes(s.position))
    return fail('HEARING.BAD_POSITION');
  const links = checkLinks(s.documents);
  if (!links.ok) return links;
  const said = s.answers.some((a) => a.text.trim()) || s.text.trim() || links.value.length > 0 || s.position;
  if (!said) return fail('HEARING.EMPTY');
  // "No comment" is an answer; silence is not. A submitted response takes a position.
  if (s.status === 'submitted' && !s.position) return fail('HEARING.POSITION_REQUIRED');
  return undefined;
}

type ResponseContent = Pick<HearingResponse, 'position' | 'answers' | 'text' | 'documents'>;

const sameContent = (a: HearingResponse, b: ResponseContent): boolean =>
  a.position === b.position &&
  a.text === b.text &&
  a.documents.join('\n') === b.documents.join('\n') &&
  a.answers.length === b.answers.length &&
  a.answers.every((x, k) => x.questionId === b.answers[k]?.questionId && x.text === b.answers[k].text);

/**
 * Saves a draft or submits (saveAnswer's order): a retried card gets its first answer; then a
 * closed hearing; then who may answer; then whether the card shows the current deadline; then
 * what it says. After the internal deadline the response is kept and flagged late.
 */
export function respondToHearing(
  hearing: Hearing,
  responses: readonly HearingResponse[],
  org: Organisation,
  s: ResponseSubmission,
  now: Date,
): Result<ResponseGiven> {
  if (s.hearingId !== hearing.id) return fail('HEARING.OTHER_HEARING');
  const saved = saveAnswer<HearingResponse, ResponseContent>(
    responses,
    s,
    {
      replayConflict: () => fail('HEARING.IDEMPOTENCY_CONFLICT'),
      stillOpen: () => (isHearingClosed(hearing) ? fail('HEARING.CLOSED') : undefined),
      answeringFor: () => respondingFor(hearing, org, s.givenBy, s.municipality),
      cardCurrent: () => (s.hearingVersion !== hearing.version ? fail('HEARING.STALE_CARD') : undefined),
      content: () =>
        contentProblem(hearing, s) ??
        ok({
          ...(s.position && { position: s.position as HearingPosition }),
          answers: s.answers
            .map((a) => ({ questionId: a.questionId, text: a.text.trim() }))
            .filter((a) => a.text.length > 0),
          text: s.text.trim(),
          documents: s.documents.map((d) => d.trim()).filter((d) => d.length > 0),
        }),
      isSubject: (r) => r.hearingId === hearing.id,
      sameAs: sameContent,
      build: (content, version) => ({
        hearingId: hearing.id,
        ...version,
        ...content,
        late: isPastInternalDeadline(hearing, now),
        hearingVersion: s.hearingVersion,
      }),
    },
    now,
  );
  return saved.ok
    ? ok({ responses: saved.value.all, response: saved.value.answer, recorded: saved.value.recorded })
    : saved;
}

/** The newest version, draft or submitted: what the municipality's card shows. */
export const latestResponse = (
  responses: readonly HearingResponse[],
  hearingId: string,
  municipality: MunicipalityNumber,
): HearingResponse | undefined => latestOf(responses, (r) => r.hearingId === hearingId, municipality);

/** The response that counts: the newest submitted version. A later draft does not unsay it. */
export const countingResponse = (
  responses: readonly HearingResponse[],
  hearingId: string,
  municipality: MunicipalityNumber,
): HearingResponse | undefined => countingOf(responses, (r) => r.hearingId === hearingId, municipality);

export type MunicipalityStatus = 'not-answered' | 'draft' | 'submitted' | 'late';

/** Where one municipality stands: what the coordinator's card and `høring <id>` show. */
export function statusOf(
  responses: readonly HearingResponse[],
  hearingId: string,
  municipality: MunicipalityNumber,
): MunicipalityStatus {
  const counting = countingResponse(responses, hearingId, municipality);
  if (counting) return counting.late ? 'late' : 'submitted';
  return latestResponse(responses, hearingId, municipality) ? 'draft' : 'not-answered';
}

/** Asked, with no submitted response: whom the reminders are for. */
export const notAnswered = (hearing: Hearing, responses: readonly HearingResponse[]): MunicipalityNumber[] =>
  hearing.municipalities.filter((m) => countingResponse(responses, hearing.id, m) === undefined);
