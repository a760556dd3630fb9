import type { FeeTerms } from '../../domain/fees';
import { feeDueDate } from '../../domain/fees';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';

/**
 * `kontingent [år]`: a four-digit year, or without one the year whose fee falls due next
 * (in December the coordinator is preparing January's invoices).
 */
export function parseFeeArgs(args: string, terms: FeeTerms, today: string): Result<{ year: number }> {
  const word = args.trim();
  if (word === '') {
    const year = Number(today.slice(0, 4));
    return ok({ year: today > feeDueDate(terms, year) ? year + 1 : year });
  }
  if (!/^\d{4}$/.test(word)) return fail('FEES.BAD_YEAR', { value: word });
  return ok({ year: Number(word) });
}
