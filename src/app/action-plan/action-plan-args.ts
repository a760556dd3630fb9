import type { Member } from '../../domain/member';
import type { Organisation } from '../../domain/organisation';
import { foldText } from '../../domain/fold-text';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import { echo } from '../commands/grammar/echo';

/** Whole kroner as typed: "150000". "150.000" would read as 150 and "150 000" as two words, so neither is taken. */
export const readBudget = (typed: string | undefined): number | undefined =>
  typed !== undefined && /^\d{1,12}$/.test(typed) ? Number(typed) : undefined;

/**
 * "150 000 Helhetlige …": an amount of up to three digits followed by a word of exactly three is
 * an amount written with a space between the thousands, as people write it; read as kr 150 and a
 * title "000 …" it would be saved wrong, so it is returned ("150 000") to be refused.
 */
export function spacedThousands(amount: string | undefined, after: string | undefined): string | undefined {
  const next = after?.trim().split(/\s+/)[0];
  return amount && /^\d{1,3}$/.test(amount) && next && /^\d{3}$/.test(next) ? `${amount} ${next}` : undefined;
}

/**
 * The person a measure's owner names: a member id or e-mail, the whole name, or words that
 * begin the words of one name only ("kari", "kari n"). Folded, so "Aase" finds "Åse".
 */
export function resolveOwner(org: Organisation, typed: string): Result<Member> {
  // "Aa" is how Å is written without the letter ("Aase" for "Åse").
  const fold = (s: string) => foldText(s).replace(/aa/g, 'a');
  const name = fold(typed);
  if (name === '') return fail('FOLLOW_UP.OWNER_REQUIRED');
  const exact = org.members.filter((m) => m.id === typed.trim() || fold(m.email) === name || fold(m.name) === name);
  if (exact.length === 1) return ok(exact[0]!);
  const words = name.split(' ');
  const fits = org.members.filter((m) => {
    const theirs = fold(m.name).split(' ');
    return words.every((w) => theirs.some((x) => x.startsWith(w)));
  });
  if (fits.length === 1) return ok(fits[0]!);
  if (fits.length === 0) return fail('ACTION_PLAN.UNKNOWN_OWNER', { name: echo(typed.trim()) });
  return fail('ACTION_PLAN.OWNER_AMBIGUOUS', {
    name: echo(typed.trim()),
    names: fits
      .slice(0, 5)
      .map((m) => m.name)
      .join(', '),
  });
}

/** "Kari Nordmann: Felles rutine for utskrivning": the owner before the first colon, the measure after. */
export function ownerAndDescription(rest: string | undefined): { owner: string; description: string } | undefined {
  const text = rest ?? '';
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  return { owner: text.slice(0, colon).trim(), description: text.slice(colon + 1).trim() };
}
