import { errorCatalogue } from '../domain/error-catalogue';
import type { ErrorCode } from '../domain/error-catalogue';
import type { DomainError, ParamArgs } from '../domain/result';
import { domainError } from '../domain/result';
import type { Translator } from '../i18n/catalogue';

/**
 * A refusal in the reader's language: its code names the message (`error.<code>`), its params
 * fill it. The one way refusals become text. A parameter the code path failed to give (the
 * compiler catches most) is left out of the sentence instead of failing the turn, so the person
 * still reads why, never the generic apology.
 */
export function errorText(t: Translator, e: DomainError): string {
  // Widened: a refusal read back from the store may carry a code this version lacks, or a null param.
  const catalogue: Readonly<Partial<Record<string, readonly string[]>>> = errorCatalogue;
  const given: Readonly<Record<string, string | number | null>> = e.params ?? {};
  const wanted = catalogue[e.code] ?? [];
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(given)) if (value !== null) params[name] = value;
  let missing = false;
  for (const name of wanted)
    if (params[name] === undefined) {
      params[name] = '';
      missing = true;
    }
  const said = t.t(`error.${e.code}`, params);
  // "Jeg finner ingen avstemning ." → "Jeg finner ingen avstemning."; «» with nothing in it goes too.
  return missing
    ? said
        .replace(/«\s*»/g, '')
        .replace(/\s+([.,;:!?])/g, '$1')
        .replace(/\s{2,}/g, ' ')
        .trim()
    : said;
}

/** The text for a code and its parameters, checked against the catalogue by the compiler. */
export const refusalText = <C extends ErrorCode>(t: Translator, code: C, ...params: ParamArgs<C>): string =>
  errorText(t, domainError(code, ...params));
