import type { CaseNumber } from './case-number';
import { formatCaseNumber, sameCaseNumber } from './case-number';
import type { Result } from './result';
import { fail, ok } from './result';

/**
 * A development project the cooperation runs as a workstream, such as KomUt (electronic
 * messages between municipalities, hospitals and GPs): a project leader, its funding, its
 * milestones and its reports to the board. The agreement lets the board start projects and
 * decide whether to apply for external funding, so external funding is recorded only against a
 * board decision to apply.
 */
export interface Project {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
  readonly leader: string;
  readonly startedAt: string;
  readonly startedBy: string;
  readonly funding: readonly Funding[];
  readonly milestones: readonly Milestone[];
  readonly reports: readonly ProjectReport[];
  /** Invented for the sample organisation: to be replaced before use. */
  readonly sample?: boolean;
}

/** The cooperation's own money is committed when recorded; external money is applied for, then granted or refused. */
export type FundingStatus = 'own' | 'applied' | 'granted' | 'refused';

export interface Funding {
  readonly kind: 'own' | 'external';
  /** Whole kroner. */
  readonly amount: number;
  /** Who pays: the funder applied to, or a note on the own funding. */
  readonly source: string;
  readonly status: FundingStatus;
  /** The board's decision to apply (external funding only). */
  readonly boardCase?: CaseNumber;
  readonly recordedAt: string;
  readonly settledAt?: string;
}

export interface Milestone {
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly due: string;
  /** The day it was reached. */
  readonly reached?: string;
}

export type MilestoneStatus = 'reached' | 'reached-late' | 'overdue' | 'due-soon' | 'planned';

export interface ProjectReport {
  /** The report's document is downloaded by this id. */
  readonly id: string;
  readonly at: string;
  readonly by: string;
}

/** A board decision as the decision register holds it: its case number and the meeting's date. */
export interface BoardDecisionRef {
  readonly caseNumber: CaseNumber;
  readonly date: string;
}

export const NAME_MAX = 120;
export const PURPOSE_MAX = 2000;
export const MILESTONE_MAX = 200;
export const SOURCE_MAX = 120;
/** A milestone due within this many days is flagged. */
export const DUE_SOON_DAYS = 14;

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

export function startProject(
  draft: { name: string; leader: string; purpose: string },
  meta: { id: string; by: string },
  now: Date,
): Result<Project> {
  const name = draft.name.trim();
  const leader = draft.leader.trim();
  const purpose = draft.purpose.trim();
  if (name === '') return fail('PROJECT.NAME_MISSING');
  if (name.length > NAME_MAX) return fail('PROJECT.NAME_TOO_LONG', { max: NAME_MAX });
  if (leader === '') return fail('PROJECT.LEADER_MISSING');
  if (leader.length > NAME_MAX) return fail('PROJECT.NAME_TOO_LONG', { max: NAME_MAX });
  if (purpose.length > PURPOSE_MAX) return fail('PROJECT.PURPOSE_TOO_LONG', { max: PURPOSE_MAX });
  return ok({
    id: meta.id,
    name,
    purpose,
    leader,
    startedAt: now.toISOString(),
    startedBy: meta.by,
    funding: [],
    milestones: [],
    reports: [],
  });
}

function checkFunding(amount: number, source: string): Result<string> {
  if (!Number.isInteger(amount) || amount <= 0) return fail('PROJECT.BAD_AMOUNT', { value: String(amount) });
  const s = source.trim();
  if (s.length > SOURCE_MAX) return fail('PROJECT.SOURCE_TOO_LONG', { max: SOURCE_MAX });
  return ok(s);
}

/** The cooperation's own money for the project: committed when recorded. */
export function addOwnFunding(project: Project, amount: number, note: string, now: Date): Result<Project> {
  const s = checkFunding(amount, note);
  if (!s.ok) return s;
  const funding: Funding = { kind: 'own', amount, source: s.value, status: 'own', recordedAt: now.toISOString() };
  return ok({ ...project, funding: [...project.funding, funding] });
}

/**
 * An application for external funding. The board decides whether to apply, so the application
 * names the board's decision, which must be in the register and made on or before today.
 */
export function applyForFunding(
  project: Project,
  draft: { amount: number; funder: string; boardCase: CaseNumber },
  boardDecisions: readonly BoardDecisionRef[],
  now: Date,
  today: string,
): Result<Project> {
  const s = checkFunding(draft.amount, draft.funder);
  if (!s.ok) return s;
  if (s.value === '') return fail('PROJECT.FUNDER_MISSING');
  const decided = boardDecisions.find((d) => sameCaseNumber(d.caseNumber, draft.boardCase) && d.date <= today);
  if (!decided) return fail('PROJECT.NO_BOARD_DECISION', { case: formatCaseNumber(draft.boardCase) });
  const funding: Funding = {
    kind: 'external',
    amount: draft.amount,
    source: s.value,
    status: 'applied',
    boardCase: draft.boardCase,
    recordedAt: now.toISOString(),
  };
  return ok({ ...project, funding: [...project.funding, funding] });
}

/** The funder's answer to an application (numbered from 1 in the project's funding list), given once. */
export function settleFunding(project: Project, n: number, outcome: 'granted' | 'refused', now: Date): Result<Project> {
  const f = project.funding[n - 1];
  if (!f) return fail('PROJECT.NO_SUCH_FUNDING', { n });
  if (f.kind === 'own') return fail('PROJECT.FUNDING_IS_OWN', { n });
  if (f.status !== 'applied') return fail('PROJECT.FUNDING_SETTLED', { n });
  const settled: Funding = { ...f, status: outcome, settledAt: now.toISOString() };
  return ok({ ...project, funding: project.funding.map((x, i) => (i === n - 1 ? settled : x)) });
}

export interface FundingTotals {
  readonly own: number;
  readonly granted: number;
  readonly applied: number;
  /** What the project can count on: own money and external money granted. */
  readonly secured: number;
}

export function fundingTotals(project: Project): FundingTotals {
  const sum = (s: FundingStatus) => project.funding.filter((f) => f.status === s).reduce((a, f) => a + f.amount, 0);
  const own = sum('own');
  const granted = sum('granted');
  return { own, granted, applied: sum('applied'), secured: own + granted };
}

export function addMilestone(project: Project, draft: { title: string; due: string }): Result<Project> {
  const title = draft.title.trim();
  if (title === '') return fail('PROJECT.MILESTONE_MISSING');
  if (title.length > MILESTONE_MAX) return fail('PROJECT.MILESTONE_TOO_LONG', { max: MILESTONE_MAX });
  if (!isDate(draft.due)) return fail('PROJECT.BAD_DATE', { value: draft.due });
  const milestones = [...project.milestones, { title, due: draft.due }].sort((a, b) => a.due.localeCompare(b.due));
  return ok({ ...project, milestones });
}

/** Marks a milestone (numbered from 1 in due order) reached on a day not after today, once. */
export function reachMilestone(project: Project, n: number, on: string, today: string): Result<Project> {
  const m = project.milestones[n - 1];
  if (!m) return fail('PROJECT.NO_SUCH_MILESTONE', { n });
  if (m.reached) return fail('PROJECT.MILESTONE_REACHED', { n, title: m.title });
  if (!isDate(on) || on > today) return fail('PROJECT.REACHED_IN_FUTURE');
  return ok({ ...project, milestones: project.milestones.map((x, i) => (i === n - 1 ? { ...x, reached: on } : x)) });
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

export function milestoneStatus(m: Milestone, today: string): MilestoneStatus {
  if (m.reached) return m.reached > m.due ? 'reached-late' : 'reached';
  if (m.due < today) return 'overdue';
  return daysBetween(today, m.due) <= DUE_SOON_DAYS ? 'due-soon' : 'planned';
}

export interface ProjectProgress {
  readonly reached: number;
  readonly total: number;
  readonly overdue: number;
  /** The first milestone not yet reached. */
  readonly next?: Milestone;
}

export function projectProgress(project: Project, today: string): ProjectProgress {
  const statuses = project.milestones.map((m) => milestoneStatus(m, today));
  const next = project.milestones.find((m) => !m.reached);
  return {
    reached: statuses.filter((s) => s === 'reached' || s === 'reached-late').length,
    total: statuses.length,
    overdue: statuses.filter((s) => s === 'overdue').length,
    ...(next && { next }),
  };
}

export const recordReport = (project: Project, id: string, by: string, now: Date): Project => ({
  ...project,
  reports: [...project.reports, { id, at: now.toISOString(), by }],
});

/** A project by its id ("komut", "P7K2Q") or a fragment of its name. */
export function findProjects(projects: readonly Project[], typed: string): Project[] {
  const t = typed.trim().toLowerCase();
  if (t === '') return [];
  const byId = projects.filter((p) => p.id.toLowerCase() === t);
  if (byId.length > 0) return byId;
  return projects.filter((p) => p.name.toLowerCase().includes(t));
}
