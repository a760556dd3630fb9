import type { MunicipalityNumber } from './municipality';
import type { Result } from './result';
import { fail, ok } from './result';
import type { Withdrawal } from './withdrawal';
import { isMemberOn } from './withdrawal';

/**
 * A change to the inter-municipal agreement. The agreement says every change needs unanimity
 * among the municipalities, so each member municipality's council decides, and the change is
 * adopted (vedtatt) only when every one of them has approved; one "no" stops it.
 */
export interface CouncilDecision {
  readonly approved: boolean;
  /** The council's own case number (e.g. "24/123"). */
  readonly caseNumber: string;
  /** The date of the council's decision (YYYY-MM-DD). */
  readonly date: string;
  readonly link?: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface AgreementChange {
  readonly id: string;
  readonly title: string;
  readonly proposedText: string;
  readonly startedBy: string;
  readonly startedAt: string;
  /** When the councils are asked to have decided (YYYY-MM-DD). */
  readonly answerBy: string;
  /** The member municipalities on the day it started: each one's council must decide. */
  readonly municipalities: readonly MunicipalityNumber[];
  readonly decisions: Readonly<Record<MunicipalityNumber, CouncilDecision>>;
}

export type AgreementState = 'adopted' | 'rejected' | 'pending';

export interface AgreementStatus {
  readonly state: AgreementState;
  readonly approved: readonly MunicipalityNumber[];
  readonly rejected: readonly MunicipalityNumber[];
  readonly pending: readonly MunicipalityNumber[];
  /** Asked, but left the cooperation before deciding: no longer needed for unanimity. */
  readonly left: readonly MunicipalityNumber[];
}

export const TITLE_MAX = 200;
export const TEXT_MAX = 8000;

export function startAgreementChange(
  draft: { title: string; proposedText: string; answerBy: string },
  members: readonly MunicipalityNumber[],
  meta: { id: string; by: string },
  now: Date,
  today: string,
): Result<AgreementChange> {
  const title = draft.title.trim();
  const proposedText = draft.proposedText.trim();
  if (title === '') return fail('AGREEMENT.TITLE_MISSING');
  if (proposedText === '') return fail('AGREEMENT.TEXT_MISSING');
  if (title.length > TITLE_MAX) return fail('AGREEMENT.TITLE_TOO_LONG', { max: TITLE_MAX });
  if (proposedText.length > TEXT_MAX) return fail('AGREEMENT.TEXT_TOO_LONG', { max: TEXT_MAX });
  if (draft.answerBy <= today) return fail('AGREEMENT.ANSWER_BY_PAST');
  if (members.length === 0) return fail('AGREEMENT.NO_MEMBERS');
  return ok({
    id: meta.id,
    title,
    proposedText,
    startedBy: meta.by,
    startedAt: now.toISOString(),
    answerBy: draft.answerBy,
    municipalities: [...members],
    decisions: {},
  });
}

/**
 * Unanimity on the date: one "no" from a municipality still a member stops the change; it is
 * adopted when every asked municipality still a member has approved. A municipality that left
 * before deciding no longer counts; one that decided before leaving keeps its decision in the record.
 */
export function agreementStatus(
  change: AgreementChange,
  withdrawals: readonly Withdrawal[],
  onDate: string,
): AgreementStatus {
  const approved: MunicipalityNumber[] = [];
  const rejected: MunicipalityNumber[] = [];
  const pending: MunicipalityNumber[] = [];
  const left: MunicipalityNumber[] = [];
  for (const m of change.municipalities) {
    const d = change.decisions[m];
    if (d?.approved === true) approved.push(m);
    else if (d?.approved === false) rejected.push(m);
    else if (!isMemberOn(withdrawals, m, onDate)) left.push(m);
    else pending.push(m);
  }
  const state: AgreementState =
    rejected.length > 0 ? 'rejected' : pending.length === 0 && approved.length > 0 ? 'adopted' : 'pending';
  return { state, approved, rejected, pending, left };
}

/**
 * Records (or corrects) a council's decision while the change is undecided. Once adopted or
 * stopped the record is final: a correction then is a new change.
 */
export function recordCouncilDecision(
  change: AgreementChange,
  withdrawals: readonly Withdrawal[],
  municipality: MunicipalityNumber,
  decision: { approved: boolean; caseNumber: string; date: string; link?: string; by: string },
  now: Date,
  today: string,
): Result<AgreementChange> {
  if (!change.municipalities.includes(municipality)) return fail('AGREEMENT.NOT_ASKED');
  const status = agreementStatus(change, withdrawals, today);
  if (status.state !== 'pending')
    return fail(status.state === 'adopted' ? 'AGREEMENT.ALREADY_ADOPTED' : 'AGREEMENT.ALREADY_REJECTED');
  const caseNumber = decision.caseNumber.trim();
  if (caseNumber === '' || caseNumber.length > 40) return fail('AGREEMENT.CASE_NUMBER');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(decision.date) || decision.date > today) return fail('AGREEMENT.BAD_DATE');
  const link = decision.link?.trim();
  if (link && !/^https:\/\/[^\s]+$/.test(link)) return fail('AGREEMENT.BAD_LINK');
  const recorded: CouncilDecision = {
    approved: decision.approved,
    caseNumber,
    date: decision.date,
    ...(link && { link }),
    recordedBy: decision.by,
    recordedAt: now.toISOString(),
  };
  return ok({ ...change, decisions: { ...change.decisions, [municipality]: recorded } });
}
