import type { CaseNumber } from '../../domain/case-number';
import { parseCaseNumber } from '../../domain/case-number';
import { readNumericDate } from '../../domain/oslo-when';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Translator } from '../../i18n/catalogue';
import { spacedThousands } from '../action-plan/action-plan-args';
import { looksLikeDate, pastDate } from '../networks/network-args';

/** The words of the person's language for a choice ("innvilget", "granted"), from the catalogue. */
const wordsFor = (t: Translator, key: string): string[] => t.t(`project.word.${key}`).toLowerCase().split('|');
const isWord = (t: Translator, key: string, word: string | undefined) =>
  word !== undefined && wordsFor(t, key).includes(word.toLowerCase());

/** "<prosjekt> <resten>": the first word names the project. */
export function splitProject(rest: string): { project: string; rest: string } {
  const [project = '', ...more] = rest.trim().split(/\s+/);
  return { project, rest: more.join(' ') };
}

/** "<navn> leder <prosjektleder>: <formål>" (the purpose may be left out). */
export function newProjectText(t: Translator, rest: string): Result<{ name: string; leader: string; purpose: string }> {
  const colon = rest.indexOf(':');
  const head = colon < 0 ? rest : rest.slice(0, colon);
  const purpose = colon < 0 ? '' : rest.slice(colon + 1).trim();
  const words = head.trim().split(/\s+/);
  const at = words.findIndex((w) => isWord(t, 'leader', w.replace(/,$/, '')));
  if (at < 0) return fail('PROJECT.LEADER_MISSING');
  return ok({
    name: words.slice(0, at).join(' ').replace(/,$/, ''),
    leader: words.slice(at + 1).join(' '),
    purpose,
  });
}

export type MilestoneArgs =
  | { readonly kind: 'add'; readonly due: string; readonly title: string }
  | { readonly kind: 'reach'; readonly n: number; readonly on: string };

/** "<dato>: <milepæl>" adds one; "<nr> nådd [dato]" records one reached (today unless a day is given). */
export function milestoneText(t: Translator, rest: string, today: string): Result<MilestoneArgs> {
  const words = rest.trim().split(/\s+/);
  const [first = '', second, third] = words;
  if (/^\d{1,2}$/.test(first) && isWord(t, 'reached', second)) {
    if (third === undefined) return ok({ kind: 'reach', n: Number(first), on: today });
    const on = pastDate(third, today);
    return on ? ok({ kind: 'reach', n: Number(first), on }) : fail('PROJECT.BAD_DATE', { value: third });
  }
  const dateWord = first.replace(/:$/, '');
  if (!looksLikeDate(dateWord)) return fail('PROJECT.USAGE', { usage: '' });
  const due = readNumericDate(dateWord, today);
  if (!due) return fail('PROJECT.BAD_DATE', { value: dateWord });
  const title = rest.trim().slice(first.length).replace(/^\s*:/, '').trim();
  return ok({ kind: 'add', due, title });
}

export type FundingArgs =
  | { readonly kind: 'own'; readonly amount: number; readonly note: string }
  | { readonly kind: 'external'; readonly amount: number; readonly funder: string; readonly boardCase: CaseNumber }
  | { readonly kind: 'settle'; readonly n: number; readonly outcome: 'granted' | 'refused' };

/** Whole kroner: "150000", "150 000" is two words, so "150.000" or "150000". */
const amountOf = (word: string): number | undefined => {
  const digits = word.replace(/^kr\.?/i, '').replace(/[.\u00a0]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
};

/**
 * "egen <beløp> [merknad]", "ekstern <beløp> <giver> sak <nr/år>" or "<nr> innvilget|avslått"
 * (the words of the person's language).
 */
export function fundingText(t: Translator, rest: string): Result<FundingArgs> {
  const words = rest.trim().split(/\s+/);
  const [first = '', second = '', ...more] = words;
  if (/^\d{1,2}$/.test(first) && (isWord(t, 'granted', second) || isWord(t, 'refused', second)))
    return ok({ kind: 'settle', n: Number(first), outcome: isWord(t, 'granted', second) ? 'granted' : 'refused' });
  const own = isWord(t, 'own', first);
  if (!own && !isWord(t, 'external', first)) return fail('PROJECT.USAGE', { usage: '' });
  const spaced = spacedThousands(second, more[0]);
  if (spaced) return fail('PROJECT.BAD_AMOUNT', { value: spaced });
  const amount = amountOf(second);
  if (amount === undefined) return fail('PROJECT.BAD_AMOUNT', { value: second });
  if (own) return ok({ kind: 'own', amount, note: more.join(' ') });
  const at = more.findIndex((w) => isWord(t, 'case', w));
  const caseWord = at < 0 ? '' : more.slice(at + 1).join(' ');
  if (caseWord === '') return fail('PROJECT.CASE_MISSING');
  const boardCase = parseCaseNumber(caseWord);
  if (!boardCase) return fail('PROJECT.BAD_CASE', { value: caseWord });
  return ok({ kind: 'external', amount, funder: more.slice(0, at).join(' '), boardCase });
}
