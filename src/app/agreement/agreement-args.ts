import { readNumericDate } from '../../domain/oslo-when';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import { arg } from '../commands/grammar/args';
import { z } from 'zod';

export type AgreementArgs =
  | { readonly kind: 'list' }
  | { readonly kind: 'show'; readonly id: string }
  | { readonly kind: 'start'; readonly title: string; readonly proposedText: string; readonly answerBy?: string };

/** Councils need time to put the case on their agenda: three months unless the coordinator says otherwise. */
export const DEFAULT_ANSWER_DAYS = 90;

/** `avtaleendring [svarfrist] [id | tittel: foreslått tekst]`: the date is read by the Oslo reader. */
export const agreementArgsSchema = z.object({ answerBy: arg.dateOptional(), change: arg.text() });
export type AgreementInput = z.infer<typeof agreementArgsSchema>;

/**
 * `avtaleendring` lists, `avtaleendring A7K2P` shows one, and
 * `avtaleendring [svarfrist] <tittel>: <foreslått tekst>` starts one.
 */
export function agreementArgs(input: AgreementInput, today: string): Result<AgreementArgs> {
  const rest = (input.change ?? '').trim();
  const answerBy = input.answerBy?.date;
  if (rest === '' && !answerBy) return ok({ kind: 'list' });
  if (!answerBy && /^[A-Za-z0-9]{5}$/.test(rest)) return ok({ kind: 'show', id: rest.toUpperCase() });
  // What looks like a date but is none ("31.02.2027") is the deadline mistyped, not the title's first word.
  const first = rest.split(/\s+/)[0] ?? '';
  if (!answerBy && /^\d{1,4}[.-]\d/.test(first)) {
    // "01.06.2027: tekst" is the deadline with the colon against it and no title before the colon.
    if (first.endsWith(':') && readNumericDate(first.slice(0, -1), today)) return fail('AGREEMENT.TITLE_MISSING');
    return fail('AGREEMENT.BAD_ANSWER_BY', { value: first });
  }
  const colon = rest.indexOf(':');
  if (colon < 0) return fail('AGREEMENT.USAGE', { usage: '' });
  return ok({
    kind: 'start',
    title: rest.slice(0, colon).trim(),
    proposedText: rest.slice(colon + 1).trim(),
    ...(answerBy && { answerBy }),
  });
}
