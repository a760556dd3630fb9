import type { Hearing, HearingQuestion } from './hearing';
import type { HearingPosition, HearingResponse } from './hearing-response';
import { countingResponse, hearingPositions } from './hearing-response';
import type { MunicipalityNumber } from './municipality';

/** One municipality's counting answer to one question (or to the hearing as a whole). */
export interface StatementEntry {
  readonly municipality: MunicipalityNumber;
  readonly text: string;
  readonly late: boolean;
}

export interface PositionGroup {
  readonly position: HearingPosition;
  readonly entries: readonly StatementEntry[];
}

export interface QuestionSection {
  readonly question: HearingQuestion;
  /** Every position in the fixed order, also those nobody took: the counts read the same each time. */
  readonly groups: readonly PositionGroup[];
  /** Responded, but left this question blank. */
  readonly blank: readonly MunicipalityNumber[];
}

/**
 * Felles høringsuttalelse, the draft: per question the answers grouped by each municipality's
 * overall position, the positions counted, and who did not answer. Municipality order is the
 * hearing's; names are for the reader's side to add.
 */
export interface JointStatement {
  readonly hearingId: string;
  readonly counts: Readonly<Record<HearingPosition, number>>;
  /** The free text of each response, grouped by position: the overall remarks. */
  readonly overall: readonly PositionGroup[];
  readonly questions: readonly QuestionSection[];
  readonly notAnswered: readonly MunicipalityNumber[];
  readonly late: readonly MunicipalityNumber[];
  readonly responses: readonly HearingResponse[];
}

export function compileJointStatement(hearing: Hearing, all: readonly HearingResponse[]): JointStatement {
  const responses: HearingResponse[] = [];
  const notAnswered: MunicipalityNumber[] = [];
  for (const m of hearing.municipalities) {
    const r = countingResponse(all, hearing.id, m);
    if (r) responses.push(r);
    else notAnswered.push(m);
  }
  const counts = Object.fromEntries(hearingPositions.map((p) => [p, 0])) as Record<HearingPosition, number>;
  for (const r of responses) if (r.position) counts[r.position] += 1;
  const group = (entry: (r: HearingResponse) => StatementEntry | undefined): PositionGroup[] =>
    hearingPositions.map((position) => ({
      position,
      entries: responses.filter((r) => r.position === position).flatMap((r) => entry(r) ?? []),
    }));
  const overall = group((r) => ({ municipality: r.municipality, text: r.text, late: r.late }));
  const questions = hearing.questions.map((question) => {
    const answerOf = (r: HearingResponse) => r.answers.find((a) => a.questionId === question.id)?.text ?? '';
    return {
      question,
      groups: group((r) =>
        answerOf(r) ? { municipality: r.municipality, text: answerOf(r), late: r.late } : undefined,
      ),
      blank: responses.filter((r) => !answerOf(r)).map((r) => r.municipality),
    };
  });
  return {
    hearingId: hearing.id,
    counts,
    overall,
    questions,
    notAnswered,
    late: responses.filter((r) => r.late).map((r) => r.municipality),
    responses,
  };
}
