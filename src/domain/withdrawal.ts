import type { MunicipalityNumber } from './municipality';
import type { Organisation } from './organisation';
import type { Result } from './result';
import { fail, ok } from './result';

/**
 * A municipality's written notice that it leaves the cooperation (the agreement, "Uttreden"):
 * six months' notice counted from 1 January of the year after the notice is given. Until the
 * effective date it is a member in every respect; from it, it is asked for nothing, counted in
 * nothing and pays nothing. Its history (answers, votes, fees paid) stays as it was.
 */
export interface Withdrawal {
  readonly municipality: MunicipalityNumber;
  /** The date the written notice reached the board (YYYY-MM-DD). */
  readonly noticeDate: string;
  /** The first day it is no longer a member (YYYY-MM-DD). */
  readonly effectiveDate: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

const NOTICE_MONTHS = 6;

/** 10.03.2026 → 01.07.2027: 1 January of the next year plus six months. */
export function withdrawalEffectiveDate(noticeDate: string): string {
  const year = Number(noticeDate.slice(0, 4)) + 1;
  const start = new Date(Date.UTC(year, 0, 1));
  start.setUTCMonth(start.getUTCMonth() + NOTICE_MONTHS);
  return start.toISOString().slice(0, 10);
}

/** Whether the municipality is still a member on the date (YYYY-MM-DD). */
export function isMemberOn(
  withdrawals: readonly Withdrawal[],
  municipality: MunicipalityNumber,
  onDate: string,
): boolean {
  return !withdrawals.some((w) => w.municipality === municipality && w.effectiveDate <= onDate);
}

/** The municipalities that are members on the date, in the organisation's order. */
export function memberMunicipalities(
  org: Organisation,
  withdrawals: readonly Withdrawal[],
  onDate: string,
): MunicipalityNumber[] {
  return org.municipalities.map((m) => m.number).filter((n) => isMemberOn(withdrawals, n, onDate));
}

/**
 * Records a notice given on `noticeDate`. One notice per municipality: the first one sets the
 * date, and a second is refused with the date already in force. A notice from the future is a typo.
 */
export function recordWithdrawal(
  org: Organisation,
  existing: readonly Withdrawal[],
  notice: { municipality: MunicipalityNumber; noticeDate: string },
  by: string,
  now: Date,
  today: string,
): Result<Withdrawal> {
  if (!org.municipalities.some((m) => m.number === notice.municipality))
    return fail('WITHDRAWAL.UNKNOWN_MUNICIPALITY', { value: notice.municipality });
  const earlier = existing.find((w) => w.municipality === notice.municipality);
  if (earlier)
    return fail('WITHDRAWAL.ALREADY_RECORDED', {
      municipality: notice.municipality,
      noticeDate: earlier.noticeDate,
      effectiveDate: earlier.effectiveDate,
    });
  if (notice.noticeDate > today) return fail('WITHDRAWAL.NOTICE_IN_FUTURE', { noticeDate: notice.noticeDate });
  return ok({
    municipality: notice.municipality,
    noticeDate: notice.noticeDate,
    effectiveDate: withdrawalEffectiveDate(notice.noticeDate),
    recordedBy: by,
    recordedAt: now.toISOString(),
  });
}
