import type { MunicipalityNumber } from '../../domain/municipality';
import type { Network } from '../../domain/network';
import { findNetwork } from '../../domain/network';
import type { Organisation } from '../../domain/organisation';
import { isoDate, readNumericDate } from '../../domain/oslo-when';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';

/**
 * A day that has been (an inquiry's arrival, a milestone reached): "20.11" typed in December is
 * this year's, not next year's as a deadline would be.
 */
export function pastDate(word: string, today: string): string | undefined {
  const read = readNumericDate(word, today);
  const yearTyped = !/^\d{1,2}[./]\d{1,2}[./]?$/.test(word);
  if (!read || read <= today || yearTyped) return read;
  return isoDate(Number(read.slice(0, 4)) - 1, Number(read.slice(5, 7)), Number(read.slice(8, 10))) ?? read;
}

export const looksLikeDate = (word: string): boolean => /^\d{1,4}[./-]\d/.test(word);

/**
 * The network a command is about: with one network, that one (a supplier called "BPA Assist" stays
 * whole); with several, named by the first word, else the first in the organisation file.
 */
export function pickNetwork(networks: readonly Network[], rest: string): { network?: Network; rest: string } {
  if (networks.length <= 1) return { ...(networks[0] && { network: networks[0] }), rest: rest.trim() };
  const [first = '', ...others] = rest.trim().split(/\s+/);
  const named = first === '' ? undefined : findNetwork(networks, first);
  if (named) return { network: named, rest: others.join(' ') };
  return { ...(networks[0] && { network: networks[0] }), rest: rest.trim() };
}

/** "<leverandør>: <tekst>" with the day received first when it was not today. */
export function inquiryText(rest: string, today: string): Result<{ received: string; supplier: string; text: string }> {
  let words = rest.trim();
  let received = today;
  const first = words.split(/\s+/)[0] ?? '';
  if (looksLikeDate(first)) {
    const d = pastDate(first, today);
    if (!d) return fail('NETWORK.BAD_DATE', { value: first });
    received = d;
    words = words.slice(first.length).trim();
  }
  const colon = words.indexOf(':');
  if (colon < 0) return fail('NETWORK.USAGE', { usage: '' });
  return ok({ received, supplier: words.slice(0, colon).trim(), text: words.slice(colon + 1).trim() });
}

/** A municipality by name or number among the organisation's. */
export function municipalityCalled(org: Organisation, typed: string): MunicipalityNumber | undefined {
  const t = typed.trim().toLowerCase();
  return org.municipalities.find((m) => m.number === t || m.name.toLowerCase() === t)?.number;
}

/**
 * "<id> [for Gol, Hol og Ål]: <svar>" (nb) or "<id> [for Gol, Hol and Ål]: <answer>": the
 * municipalities named after "for", separated by commas and the word for "and".
 */
export function answerText(
  org: Organisation,
  rest: string,
  and: string,
): Result<{ id: string; municipalities: MunicipalityNumber[]; text: string }> {
  const colon = rest.indexOf(':');
  if (colon < 0) return fail('NETWORK.USAGE', { usage: '' });
  const head = rest.slice(0, colon).trim();
  const [id = '', ...more] = head.split(/\s+/);
  if (id === '') return fail('NETWORK.USAGE', { usage: '' });
  const forWhom = more.join(' ').replace(/^for\s+/i, '');
  const names = forWhom === '' ? [] : forWhom.split(new RegExp(`\\s*,\\s*|\\s+${and}\\s+`, 'i'));
  const municipalities: MunicipalityNumber[] = [];
  for (const name of names.filter((n) => n.trim() !== '')) {
    const m = municipalityCalled(org, name);
    if (!m) return fail('NETWORK.UNKNOWN_MUNICIPALITY', { value: name.trim() });
    municipalities.push(m);
  }
  return ok({ id: id.toUpperCase(), municipalities, text: rest.slice(colon + 1).trim() });
}
