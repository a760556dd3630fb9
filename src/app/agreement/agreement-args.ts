import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import { parseDate } from '../meetings/time-suggestion-args';

export type AgreementArgs =
  | { readonly kind: 'list' }
  | { readonly kind: 'show'; readonly id: string }
  | { readonly kind: 'start'; readonly title: string; readonly proposedText: string; readonly answerBy?: string };

/** Councils need time to put the case on their agenda: three months unless the coordinator says otherwise. */
export const DEFAULT_ANSWER_DAYS = 90;

/**
 * `avtaleendring` lists, `avtaleendring A7K2P` shows one, and
 * `avtaleendring [svarfrist] <tittel>: <foreslått tekst>` starts one.
 */
export function parseAgreementArgs(args: string, today: string): Result<AgreementArgs> {
  const rest = args.trim();
  if (rest === '') return ok({ kind: 'list' });
  if (/^[A-Za-z0-9]{5}$/.test(rest)) return ok({ kind: 'show', id: rest.toUpperCase() });
  const [first, ...others] = rest.split(/\s+/);
  const date = first && /^\d/.test(first) ? parseDate(first, today) : undefined;
  if (first && /^\d{1,4}[.-]\d/.test(first) && !date) return fail('AGREEMENT.BAD_ANSWER_BY', { value: first });
  const body = date ? others.join(' ') : rest;
  const colon = body.indexOf(':');
  if (colon < 0) return fail('AGREEMENT.USAGE', { usage: '' });
  return ok({
    kind: 'start',
    title: body.slice(0, colon).trim(),
    proposedText: body.slice(colon + 1).trim(),
    ...(date && { answerBy: date }),
  });
}
