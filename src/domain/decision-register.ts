import type { Body } from './body';
import { bodyAnswersTo } from './body';
import type { CaseNumber } from './case-number';
import { parseCaseNumber } from './case-number';
import { foldText } from './fold-text';

/**
 * The decision register (vedtaksregister): every decision of every body, from the minutes, with
 * how its follow-up stands. Searching is by words, body, year and case number together.
 */
export interface DecisionEntry {
  readonly bodyId: string;
  readonly meetingId: string;
  /** The meeting's date in Oslo (YYYY-MM-DD). */
  readonly date: string;
  readonly caseNumber: CaseNumber;
  readonly title: string;
  readonly decision: string;
  /** Approved minutes are the decision of record; a draft's decision may still change. */
  readonly approved: boolean;
  readonly followUp: { readonly open: number; readonly done: number; readonly overdue: number };
}

export interface DecisionQuery {
  readonly words: readonly string[];
  readonly bodyIds: readonly string[];
  readonly year?: number;
  readonly caseNumber?: CaseNumber;
}

export type FollowUpState = 'none' | 'open' | 'overdue' | 'done';

export function followUpState(e: DecisionEntry): FollowUpState {
  if (e.followUp.overdue > 0) return 'overdue';
  if (e.followUp.open > 0) return 'open';
  return e.followUp.done > 0 ? 'done' : 'none';
}

/**
 * Reads a search: "12/2026" is a case number, a four-digit year a year, a body's name or alias
 * (also of several words, "lsu bærum") a body; every other word must occur in the title or decision.
 */
export function parseDecisionQuery(text: string, bodies: readonly Body[]): DecisionQuery {
  let rest = text.trim();
  const caseMatch = /(?:^|\s)((?:sak\s+)?\d{1,4}\s*\/\s*(?:\d{4}|\d{2}))(?=\s|$)/i.exec(rest);
  const caseNumber = caseMatch ? parseCaseNumber(caseMatch[1]!) : undefined;
  if (caseMatch) rest = rest.replace(caseMatch[1]!, ' ');
  const words = rest.split(/\s+/).filter((w) => w !== '');
  const bodyIds: string[] = [];
  let year: number | undefined;
  const left: string[] = [];
  for (let i = 0; i < words.length; i++) {
    // The longest run of words naming a body wins: "lsu bærum" before "lsu".
    let matched = 0;
    for (let j = words.length; j > i && matched === 0; j--) {
      const phrase = words.slice(i, j).join(' ');
      const body = bodies.find((b) => bodyAnswersTo(b, phrase));
      if (body) {
        bodyIds.push(body.id);
        matched = j - i;
      }
    }
    if (matched > 0) {
      i += matched - 1;
      continue;
    }
    const w = words[i]!;
    if (/^(19|20|21)\d{2}$/.test(w)) year = Number(w);
    else left.push(foldText(w));
  }
  return { words: left, bodyIds, ...(year !== undefined && { year }), ...(caseNumber && { caseNumber }) };
}

/** The entries that match every part of the query, newest first. */
export function searchDecisions(entries: readonly DecisionEntry[], q: DecisionQuery): DecisionEntry[] {
  return entries
    .filter((e) => q.bodyIds.length === 0 || q.bodyIds.includes(e.bodyId))
    .filter((e) => q.year === undefined || e.date.startsWith(`${q.year}-`) || e.caseNumber.year === q.year)
    .filter(
      (e) => !q.caseNumber || (e.caseNumber.number === q.caseNumber.number && e.caseNumber.year === q.caseNumber.year),
    )
    .filter((e) => {
      const haystack = foldText(`${e.title} ${e.decision}`);
      return q.words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => b.date.localeCompare(a.date) || b.caseNumber.number - a.caseNumber.number);
}
