import type { FeeTerms } from '../../domain/fee-terms';
import { feeDueDate } from '../../domain/fees';

/**
 * `kontingent [år]`: the year asked for, or without one the year whose fee falls due next
 * (in December the coordinator is preparing January's invoices). The year itself is read by
 * the command's schema (`arg.year`).
 */
export function feeYear(terms: FeeTerms, today: string, asked?: number): number {
  if (asked !== undefined) return asked;
  const year = Number(today.slice(0, 4));
  return today > feeDueDate(terms, year) ? year + 1 : year;
}
