import type { Organisation } from './organisation';

/**
 * The annual cycle (årshjul): what the cooperation's year holds, date by date: every body's
 * meetings, the deadlines for input and hearing responses, the day the fee is due, and the
 * secretariat's workstreams: the projects' milestones and reports to the board, and the
 * networks' meetings. The
 * yearly mayors' and chief executives' meeting and the dialogue meeting with the trust's board
 * are planned like any meeting; a year without them is flagged.
 */
export type AnnualKind =
  | 'meeting'
  | 'input-deadline'
  | 'hearing-deadline'
  | 'hearing-statement'
  | 'fee-due'
  | 'milestone'
  | 'project-report'
  | 'network-meeting';

export interface AnnualEntry {
  readonly kind: AnnualKind;
  /** A stable id for calendars (the same entry keeps its UID when it moves). */
  readonly ref: string;
  /** The Oslo date (YYYY-MM-DD). */
  readonly date: string;
  /** Instants, for entries with a time of day (meetings, deadlines). */
  readonly start?: string;
  readonly end?: string;
  readonly title: string;
  readonly bodyId?: string;
}

/** The year's entries in date order, then time, then kind. */
export function annualPlan(year: number, entries: readonly AnnualEntry[]): AnnualEntry[] {
  return entries
    .filter((e) => e.date.startsWith(`${year}-`))
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? '') || a.kind.localeCompare(b.kind),
    );
}

/** The bodies that meet once a year (mayors' meeting, dialogue meeting) with no meeting in the plan. */
export function yearlyMeetingsMissing(org: Organisation, plan: readonly AnnualEntry[]): string[] {
  return org.bodies
    .filter((b) => b.kind === 'mayors-meeting' || b.kind === 'dialogue-meeting')
    .filter((b) => !plan.some((e) => e.kind === 'meeting' && e.bodyId === b.id))
    .map((b) => b.id);
}
