import type { CaseNumber } from './case-number';
import type { ErrorCode } from './error-catalogue';
import type { DomainError } from './result';

/**
 * Forslag til vedtak: a written proposal, "formulated in the meeting", or the standard
 * wording of a standing item (approval of the minutes) that cards translate by kind.
 */
export type ProposedDecision =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'in-meeting' } | { readonly kind: 'standard' };

export interface DocumentLink {
  readonly title: string;
  readonly url: string;
}

/** Approval of the previous minutes opens every agenda; everything else is a case. */
export type AgendaItemKind = 'minutes-approval' | 'case';

/** A withdrawn (trukket) item keeps its number and its place; a decided one is final. */
export type AgendaItemStatus = 'open' | 'withdrawn' | 'decided';

/** A sak on a meeting's saksliste. */
export interface AgendaItem {
  readonly id: string;
  readonly caseNumber: CaseNumber;
  readonly kind: AgendaItemKind;
  /** Empty for a minutes approval: cards give the standard title by kind, in the reader's language. */
  readonly title: string;
  readonly background?: string;
  readonly proposal: ProposedDecision;
  readonly documents: readonly DocumentLink[];
  /** Member id of the person who presents the case (saksbehandler / ansvarlig). */
  readonly responsible?: string;
  readonly status: AgendaItemStatus;
}

/** What the coordinator writes for a case; the number and status are the agenda's business. */
export interface AgendaItemDraft {
  readonly title: string;
  readonly background?: string;
  readonly proposal: ProposedDecision;
  readonly documents?: readonly DocumentLink[];
  readonly responsible?: string;
}

export const AGENDA_TITLE_MAX = 200;

export const titleGiven = (d: AgendaItemDraft): boolean => d.title.trim() !== '';
export const titleFits = (d: AgendaItemDraft): boolean => d.title.trim().length <= AGENDA_TITLE_MAX;
/** A written proposal says something; "formulated in the meeting" is the honest alternative to a blank. */
export const proposalGiven = (d: AgendaItemDraft): boolean =>
  d.proposal.kind !== 'text' || d.proposal.text.trim() !== '';
/** Only a minutes approval uses the standard wording. */
export const proposalFitsCase = (d: AgendaItemDraft): boolean => d.proposal.kind !== 'standard';
/** Links open from Teams for everyone: web addresses only, never a path on someone's disk. */
export const linksAreWeb = (d: AgendaItemDraft): boolean =>
  (d.documents ?? []).every((l) => /^https:\/\/\S+$/i.test(l.url) && l.title.trim() !== '');

const draftRules: readonly { readonly code: ErrorCode; readonly holds: (d: AgendaItemDraft) => boolean }[] = [
  { code: 'AGENDA.TITLE_REQUIRED', holds: titleGiven },
  { code: 'AGENDA.TITLE_TOO_LONG', holds: titleFits },
  { code: 'AGENDA.PROPOSAL_REQUIRED', holds: proposalGiven },
  { code: 'AGENDA.STANDARD_PROPOSAL_RESERVED', holds: proposalFitsCase },
  { code: 'AGENDA.BAD_DOCUMENT_LINK', holds: linksAreWeb },
];

export function draftProblem(d: AgendaItemDraft): DomainError | undefined {
  const broken = draftRules.find((r) => !r.holds(d));
  if (!broken) return undefined;
  return broken.code === 'AGENDA.TITLE_TOO_LONG'
    ? { code: broken.code, params: { max: AGENDA_TITLE_MAX } }
    : { code: broken.code };
}

export function caseItem(id: string, caseNumber: CaseNumber, d: AgendaItemDraft): AgendaItem {
  return {
    id,
    caseNumber,
    kind: 'case',
    title: d.title.trim(),
    ...(d.background !== undefined ? { background: d.background } : {}),
    proposal: d.proposal,
    documents: d.documents ?? [],
    ...(d.responsible !== undefined ? { responsible: d.responsible } : {}),
    status: 'open',
  };
}

export const minutesApprovalItemId = (meetingId: string): string => `${meetingId}:minutes-approval`;

/** The standing first item: approval of the minutes of the body's previous meeting. */
export function minutesApprovalItem(meetingId: string, caseNumber: CaseNumber): AgendaItem {
  return {
    id: minutesApprovalItemId(meetingId),
    caseNumber,
    kind: 'minutes-approval',
    title: '',
    proposal: { kind: 'standard' },
    documents: [],
    status: 'open',
  };
}

export const isWithdrawn = (i: AgendaItem): boolean => i.status === 'withdrawn';
export const isDecided = (i: AgendaItem): boolean => i.status === 'decided';
export const isMinutesApproval = (i: AgendaItem): boolean => i.kind === 'minutes-approval';
