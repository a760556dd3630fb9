/**
 * A case (sak) is numbered per body and year: "sak 6/2026" is the body's sixth case in 2026.
 * A number once given is spent: a withdrawn item, or an item of a cancelled meeting, keeps
 * it and it is never given again, so a reference in old papers points at one case only.
 */
export interface CaseNumber {
  readonly number: number;
  readonly year: number;
}

export const formatCaseNumber = (c: CaseNumber): string => `${c.number}/${c.year}`;

/** Reads "6/2026", "sak 6/2026" or "6/26" (two-digit years are this century). */
export function parseCaseNumber(text: string): CaseNumber | undefined {
  const m = /^\s*(?:sak\s+)?(\d{1,4})\s*\/\s*(\d{2}|\d{4})\s*$/i.exec(text);
  if (!m) return undefined;
  const number = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return number > 0 ? { number, year } : undefined;
}

export const sameCaseNumber = (a: CaseNumber, b: CaseNumber): boolean => a.number === b.number && a.year === b.year;

/** What case numbering needs to know of a meeting: whose it is and the numbers on its agenda. */
export interface NumberedAgenda {
  readonly id: string;
  readonly bodyId: string;
  readonly agenda: readonly { readonly caseNumber: CaseNumber }[];
}

/** Every number the body has spent in the year, over all its meetings (cancelled ones too). */
export function spentCaseNumbers(meetings: readonly NumberedAgenda[], bodyId: string, year: number): number[] {
  return meetings
    .filter((m) => m.bodyId === bodyId)
    .flatMap((m) => m.agenda.map((i) => i.caseNumber))
    .filter((c) => c.year === year)
    .map((c) => c.number);
}

/** The next free number: one above the highest spent, so gaps left by hand are not filled later. */
export function nextCaseNumber(meetings: readonly NumberedAgenda[], bodyId: string, year: number): CaseNumber {
  return { number: Math.max(0, ...spentCaseNumbers(meetings, bodyId, year)) + 1, year };
}

export function caseNumberTaken(meetings: readonly NumberedAgenda[], bodyId: string, c: CaseNumber): boolean {
  return spentCaseNumbers(meetings, bodyId, c.year).includes(c.number);
}
