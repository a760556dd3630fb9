import { foldText } from '../../domain/fold-text';
import type { MunicipalityNumber } from '../../domain/municipality';
import type { Organisation } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import { parseDate } from '../meetings/time-suggestion-args';

/** `meld utmelding <kommune> <varslet dato>`: the municipality by name or number, the notice date last. */
export function parseWithdrawalArgs(args: string, org: Organisation, today: string): Result<{ municipality: MunicipalityNumber; noticeDate: string }> {
  const words = args.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return fail('WITHDRAWAL.USAGE', { usage: '' });
  const dateWord = words[words.length - 1]!;
  // A notice date without a year is this year's: a notice is never given ahead of time.
  const noticeDate = /^\d{1,2}\.\d{1,2}\.?$/.test(dateWord) ? parseDate(`${dateWord.replace(/\.$/, '')}.${today.slice(0, 4)}`, today) : parseDate(dateWord, today);
  if (!noticeDate) return fail('WITHDRAWAL.BAD_DATE', { value: dateWord });
  const name = words.slice(0, -1).join(' ');
  const wanted = foldText(name);
  const found = org.municipalities.find((m) => m.number === name || foldText(m.name) === wanted);
  if (!found) return fail('WITHDRAWAL.UNKNOWN_MUNICIPALITY', { value: name });
  return ok({ municipality: found.number, noticeDate });
}
