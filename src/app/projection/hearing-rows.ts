import type { Hearing } from '../../domain/hearing';
import { countingResponse } from '../../domain/hearing-response';
import type { ResultRow } from '../../ports/result-lists';
import type { ResponseHistory } from '../hearings/hearing-records';
import type { RowContext } from './row-context';
import { lines, linkTo, municipalityOf, personOf } from './row-context';

/** Høringer: one row per hearing. */
export function hearingRow(h: Hearing): ResultRow {
  return {
    key: `hearings/${h.id}`,
    title: h.title,
    cells: {
      HearingId: h.id,
      Issuer: h.issuer,
      ExternalDeadline: h.externalDeadline,
      InternalDeadline: h.internalDeadline,
      HearingState: h.state,
      Municipalities: h.municipalities.length,
      Document: linkTo(h.documents[0]),
      Documents: lines(h.documents),
      RegisteredAt: h.registeredAt,
      ClosedAt: h.closedAt ?? null,
    },
  };
}

/**
 * Høringssvar: one row per municipality and question, from the response that counts (the
 * newest submitted version, what the joint statement is built from). A hearing without
 * questions gives one row for the response as a whole.
 */
export function hearingResponseRows(
  history: ResponseHistory,
  hearing: Hearing | undefined,
  c: RowContext,
): ResultRow[] {
  const response = countingResponse(history.responses, history.hearingId, history.municipality);
  if (!response) return [];
  const questions = hearing?.questions ?? [];
  const common = {
    HearingId: history.hearingId,
    Hearing: hearing?.title ?? history.hearingId,
    Municipality: municipalityOf(c, history.municipality),
    MunicipalityNumber: history.municipality,
    Position: response.position ?? null,
    AnswerStatus: response.status,
    Late: response.late,
    AnswerVersion: response.version,
    GivenBy: personOf(c, response.givenBy),
    GivenAt: response.at,
    Document: linkTo(response.documents[0]),
  };
  const title = `${hearing?.title ?? history.hearingId}: ${municipalityOf(c, history.municipality)}`;
  const base = `hearingResponses/${history.hearingId}:${history.municipality}`;
  if (questions.length === 0)
    return [
      {
        key: base,
        title,
        cells: { ...common, QuestionNumber: null, Question: null, Answer: response.text, Comment: null },
      },
    ];
  return questions.map((q, k) => ({
    key: `${base}/${q.id}`,
    title,
    cells: {
      ...common,
      QuestionNumber: k + 1,
      Question: q.text,
      Answer: response.answers.find((a) => a.questionId === q.id)?.text ?? null,
      Comment: response.text || null,
    },
  }));
}
