import { z } from 'zod';
import { foldText } from '../../domain/fold-text';
import type { MunicipalityNumber } from '../../domain/municipality';
import type { Organisation } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { WhenArg } from '../commands/grammar/args';
import { arg } from '../commands/grammar/args';

/** `meld utmelding <kommune> <varslet dato>`: the municipality by name or number, the notice date last. */
export const withdrawalArgs = z.object({ municipality: arg.municipality(), noticeDate: arg.date() });

const WITHOUT_YEAR = /^\d{1,2}[./]\d{1,2}\.?$/;

/**
 * The municipality named and the notice date. A date typed without a year is this year's, not
 * the next one's: a notice is never given ahead of time.
 */
export function withdrawalFrom(
  org: Organisation,
  input: { municipality: string; noticeDate: WhenArg },
  typedDate: string,
  today: string,
): Result<{ municipality: MunicipalityNumber; noticeDate: string }> {
  let noticeDate = input.noticeDate.date!;
  if (WITHOUT_YEAR.test(typedDate.trim()) && noticeDate > today)
    noticeDate = `${Number(noticeDate.slice(0, 4)) - 1}${noticeDate.slice(4)}`;
  const wanted = foldText(input.municipality);
  const found = org.municipalities.find((m) => m.number === input.municipality || foldText(m.name) === wanted);
  if (!found) return fail('WITHDRAWAL.UNKNOWN_MUNICIPALITY', { value: input.municipality });
  return ok({ municipality: found.number, noticeDate });
}
