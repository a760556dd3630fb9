import { itemsForInput } from './agenda';
import type { InputAnswer, Position } from './input';
import { countingAnswer, positions } from './input';
import type { InputRequest } from './input-request';
import type { Meeting } from './meeting';
import type { MunicipalityNumber } from './municipality';

/** One municipality's counting input on one case. */
export interface MunicipalInput {
  readonly municipality: MunicipalityNumber;
  readonly position: Position;
  readonly text: string;
  readonly givenBy: string;
}

/**
 * The line most municipalities take. "No view" is an answer but not a line: like an
 * abstention it neither makes nor breaks a majority. Equal counts give no majority.
 */
export type MajorityPosition =
  | { readonly kind: 'position'; readonly position: Exclude<Position, 'no-view'> }
  | { readonly kind: 'tie'; readonly positions: readonly Position[] }
  | { readonly kind: 'none' };

export interface ItemSummary {
  readonly itemId: string;
  readonly counts: Readonly<Record<Position, number>>;
  readonly majority: MajorityPosition;
  /**
   * Those whose position is not the majority's, with their text: what the municipal side must
   * settle before it speaks with one voice. With a tie, everyone who took a line. Never "no view".
   */
  readonly diverging: readonly MunicipalInput[];
  /** Every counting answer on the case, in the request's order. */
  readonly answered: readonly MunicipalInput[];
  /** Municipalities asked with no submitted answer on this case, in the request's order. */
  readonly notAnswered: readonly MunicipalityNumber[];
}

export interface InputSummary {
  readonly meetingId: string;
  readonly items: readonly ItemSummary[];
  /** Asked but with no submitted answer at all. */
  readonly notAnswered: readonly MunicipalityNumber[];
}

export function majorityOf(counts: Readonly<Record<Position, number>>): MajorityPosition {
  const lines = positions.filter((p) => p !== 'no-view' && counts[p] > 0);
  if (lines.length === 0) return { kind: 'none' };
  const most = Math.max(...lines.map((p) => counts[p]));
  const leaders = lines.filter((p) => counts[p] === most);
  if (leaders.length > 1) return { kind: 'tie', positions: leaders };
  return { kind: 'position', position: leaders[0] as Exclude<Position, 'no-view'> };
}

export const diverges = (input: MunicipalInput, majority: MajorityPosition): boolean =>
  input.position !== 'no-view' &&
  (majority.kind === 'tie' || (majority.kind === 'position' && input.position !== majority.position));

export function summarizeItem(request: InputRequest, answers: readonly InputAnswer[], itemId: string): ItemSummary {
  const counts = Object.fromEntries(positions.map((p) => [p, 0])) as Record<Position, number>;
  const answered: MunicipalInput[] = [];
  const notAnswered: MunicipalityNumber[] = [];
  for (const municipality of request.municipalities) {
    const answer = countingAnswer(answers, request.meetingId, municipality);
    const entry = answer?.items.find((i) => i.itemId === itemId);
    if (!answer || entry?.position === undefined) {
      notAnswered.push(municipality);
      continue;
    }
    counts[entry.position] += 1;
    answered.push({ municipality, position: entry.position, text: entry.text, givenBy: answer.givenBy });
  }
  const majority = majorityOf(counts);
  return { itemId, counts, majority, diverging: answered.filter((a) => diverges(a, majority)), answered, notAnswered };
}

/** Innspill for a meeting: one summary per case in agenda order. */
export function summarizeInput(meeting: Meeting, request: InputRequest, answers: readonly InputAnswer[]): InputSummary {
  return {
    meetingId: meeting.id,
    items: itemsForInput(meeting).map((i) => summarizeItem(request, answers, i.id)),
    notAnswered: request.municipalities.filter((m) => countingAnswer(answers, request.meetingId, m) === undefined),
  };
}
