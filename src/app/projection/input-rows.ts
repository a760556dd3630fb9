import { formatCaseNumber } from '../../domain/case-number';
import { countingAnswer } from '../../domain/input';
import type { Meeting } from '../../domain/meeting';
import type { ResultRow } from '../../ports/result-lists';
import type { AnswerHistory } from '../input/input-records';
import type { RowContext } from './row-context';
import { municipalityOf, personOf } from './row-context';
import { itemTitle } from './meeting-rows';

/**
 * Innspill: one row per municipality and case, from the answer that counts (the newest
 * submitted version, as the summary at the deadline uses). A draft is the municipality's work
 * in progress and stays off the list; the earlier versions stay in the records.
 */
export function inputRows(history: AnswerHistory, meeting: Meeting | undefined, c: RowContext): ResultRow[] {
  const answer = countingAnswer(history.answers, history.meetingId, history.municipality);
  if (!answer) return [];
  return answer.items.map((given) => {
    const item = meeting?.agenda.find((i) => i.id === given.itemId);
    return {
      key: `inputAnswers/${history.meetingId}:${history.municipality}/${given.itemId}`,
      title: item ? itemTitle(item, c) : given.itemId,
      cells: {
        Meeting: meeting?.title ?? history.meetingId,
        MeetingStart: meeting?.start ?? null,
        CaseNumber: item ? formatCaseNumber(item.caseNumber) : null,
        Municipality: municipalityOf(c, history.municipality),
        MunicipalityNumber: history.municipality,
        Position: given.position ?? null,
        InputText: given.text,
        AnswerStatus: answer.status,
        AnswerVersion: answer.version,
        GivenBy: personOf(c, answer.givenBy),
        GivenAt: answer.at,
      },
    };
  });
}
