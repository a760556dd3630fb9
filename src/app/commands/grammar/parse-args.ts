import type { z } from 'zod';
import { parseCaseNumber } from '../../../domain/case-number';
import { foldText } from '../../../domain/fold-text';
import { parseDuration } from '../../meetings/time-suggestion-args';
import type { OsloWhen } from '../../../domain/oslo-when';
import { readWhenAt } from '../../../domain/oslo-when';
import type { Translator } from '../../../i18n/catalogue';
import type { ArgKind, ArgsSchema } from './args';
import { argsOf } from './args';
import { separatedRef } from './separator';
import { looksLikeShortId } from './short-id-word';

export type ArgValue = string | number | number[] | OsloWhen;

export type ParsedArgs<S extends ArgsSchema> =
  | { readonly ok: true; readonly value: z.infer<S>; readonly typed: Readonly<Record<string, string>> }
  | {
      readonly ok: false;
      /** The arguments read before the parser stopped, as typed. */
      readonly understood: Readonly<Record<string, ArgValue>>;
      /** The words it could not place, or the argument that is missing or refused. */
      readonly leftOver?: string;
      readonly refused?: string;
    };

interface Step {
  readonly value: ArgValue | undefined;
  readonly used: number;
}

const REF_KINDS = new Set<ArgKind>(['meeting', 'vote', 'hearing', 'body']);
/** "neste"/"next" before free text names the next one, as leaving it out does; never where a name is required. */
const NEXT_WORD = /^(neste|next)$/i;

/**
 * How many words a reference followed only by dates, numbers and durations may take: none from
 * the first after its first that starts with a digit, so "styret 2t 31.02.2027" refuses the date instead of
 * looking for a body called all of it.
 */
function nameWords(rest: readonly string[], after: readonly { meta: { kind: ArgKind } }[]): number {
  if (after.some((a) => a.meta.kind === 'text' || REF_KINDS.has(a.meta.kind))) return rest.length;
  // The first word may be a number: a municipality is named by its number ("3320").
  const digit = rest.findIndex((w, i) => i > 0 && /^\d/.test(w));
  return digit < 0 ? rest.length : digit;
}

/** A value of a fixed-length kind at the start of `words`. */
function readFixed(kind: ArgKind, words: readonly string[], now: Date): Step | undefined {
  if (kind === 'when' || kind === 'date') {
    const read = readWhenAt(words, now);
    if (!read || (kind === 'date' && read.value.time)) return undefined;
    return { value: read.value, used: read.used };
  }
  if (kind === 'case') return words[0] && parseCaseNumber(words[0]) ? { value: words[0], used: 1 } : undefined;
  if (kind === 'duration') {
    // A word that starts like a duration is one, to be refused as one ("2x", "12h") rather than taken for a name.
    if (!words[0] || !/^\d[\d.,:]*[a-zæøå]*$/i.test(words[0]) || /^\d{1,4}[.-]\d+[.-]/.test(words[0])) return undefined;
    return { value: parseDuration(words[0]) ?? Number.NaN, used: 1 };
  }
  if (kind === 'count') return words[0] !== undefined ? { value: Number(words[0]), used: 1 } : undefined;
  if (kind === 'days') {
    let used = 0;
    while (used < words.length && /^[\d,;]+$/.test(words[used]!)) used++;
    const days = words.slice(0, used).join(',').split(/[,;]+/).filter(Boolean).map(Number);
    return used ? { value: days, used } : undefined;
  }
  return undefined;
}

/** Where a keyword argument's words occur among `words`, folded: index and length. */
function findKeyword(
  words: readonly string[],
  keyword: string,
  t: Translator,
): { at: number; length: number } | undefined {
  const folded = words.map(foldText);
  for (const phrase of t
    .t(keyword)
    .split('|')
    .map((p) => foldText(p).split(' '))) {
    for (let at = 0; at + phrase.length <= words.length; at++) {
      if (phrase.every((p, k) => folded[at + k] === p)) return { at, length: phrase.length };
    }
  }
  return undefined;
}

/**
 * Reads typed words into a command's declared arguments. Keyword arguments ("frist …") may
 * come anywhere; positional ones come in the declared order, a reference taking as few words
 * as lets the rest fit ("flytt møte styremøte des 2026-12-17 9:00"). zod has the last word.
 */
export function parseArgs<S extends ArgsSchema>(schema: S, text: string, now: Date, t: Translator): ParsedArgs<S> {
  const declared = argsOf(schema);
  let words = text.trim().split(/\s+/).filter(Boolean);
  const raw: Record<string, ArgValue> = {};
  const typed: Record<string, string> = {};

  for (const a of declared.filter((d) => d.meta.keyword)) {
    const found = findKeyword(words, a.meta.keyword!, t);
    if (!found) continue;
    const after = words.slice(found.at + found.length);
    const step = readFixed(a.meta.kind, after, now);
    if (!step) return { ok: false, understood: raw, refused: a.name, leftOver: after.join(' ') };
    raw[a.name] = step.value!;
    typed[a.name] = after.slice(0, step.used).join(' ');
    words = [...words.slice(0, found.at), ...after.slice(step.used)];
  }

  const positional = declared.filter((d) => !d.meta.keyword || (d.meta.keywordOptional && !(d.name in raw)));
  let best: { raw: Record<string, ArgValue>; at: number; next: number } = { raw: {}, at: 0, next: -1 };
  const go = (k: number, at: number, acc: Record<string, ArgValue>, accTyped: Record<string, string>): boolean => {
    // The attempt that placed the most arguments, each taking as few words as it could, explains the refusal best.
    const placed = Object.keys(acc).length;
    const bestPlaced = Object.keys(best.raw).length;
    if (k > best.next || (k === best.next && (placed > bestPlaced || (placed === bestPlaced && at < best.at))))
      best = { raw: { ...acc }, at, next: k };
    if (k === positional.length) {
      if (at !== words.length) return false;
      Object.assign(raw, acc);
      Object.assign(typed, accTyped);
      return true;
    }
    const a = positional[k]!;
    const rest = words.slice(at);
    const take = (used: number, value: ArgValue | undefined) => {
      const nextAcc = value === undefined ? acc : { ...acc, [a.name]: value };
      const nextTyped = used ? { ...accTyped, [a.name]: rest.slice(0, used).join(' ') } : accTyped;
      return go(k + 1, at + used, nextAcc, nextTyped);
    };
    if (a.meta.kind === 'text') return take(rest.length, rest.length ? rest.join(' ') : undefined);
    if (a.meta.kind === 'case-ref') {
      // A case's title may hold numbers ("Budsjett 2027"): any run of words may name it, the fewest
      // first; it is left out only before a number, so "3/2026" alone is a case still missing its place.
      // Words of one each follow (a place): only the last few can be theirs, so 100 KB typed stays linear.
      const after = positional.slice(k + 1);
      const oneWordEach = after.every((p) => p.meta.kind === 'count' || p.meta.kind === 'case');
      const from = oneWordEach ? Math.max(0, rest.length - after.length) : 0;
      const lengths = Array.from({ length: rest.length + 1 - from }, (_, i) => from + i);
      const mayOmit = !a.required && (rest.length === 0 || /^\d+$/.test(rest[0]!));
      return lengths.some((n) => (n === 0 && !mayOmit ? false : take(n, n ? rest.slice(0, n).join(' ') : undefined)));
    }
    if (REF_KINDS.has(a.meta.kind)) {
      const last = k === positional.length - 1;
      const beforeText = positional.slice(k + 1).some((p) => p.meta.kind === 'text');
      const bare = rest[0] && (looksLikeShortId(rest[0]) || NEXT_WORD.test(rest[0]));
      // Before free text, a colon or quotes end the name: "januar: Syk" is the meeting "januar".
      const separated = beforeText && !last && !bare ? separatedRef(rest) : undefined;
      if (separated && take(separated.used, separated.ref)) return true;
      // A short id ("M4TQ2") is the whole reference: "M4TQ2 31.02 10:00" is not a title "M4TQ2 31.02".
      const lengths =
        rest[0] && looksLikeShortId(rest[0]) && !last
          ? [1]
          : last
            ? [rest.length]
            : beforeText
              ? rest[0] && (looksLikeShortId(rest[0]) || (!a.required && NEXT_WORD.test(rest[0])))
                ? [1, 0]
                : [0]
              : Array.from({ length: nameWords(rest, positional.slice(k + 1)) + 1 }, (_, n) => n);
      return lengths.some((n) => (n === 0 && a.required ? false : take(n, n ? rest.slice(0, n).join(' ') : undefined)));
    }
    const step = readFixed(a.meta.kind, rest, now);
    if (step && take(step.used, step.value)) return true;
    return !a.required && take(0, undefined);
  };
  if (!go(0, 0, {}, {})) {
    const missing = positional[best.next];
    const leftOver = words.slice(best.at).join(' ');
    return {
      ok: false,
      understood: { ...raw, ...best.raw },
      ...(leftOver ? { leftOver } : {}),
      ...(missing && { refused: missing.name }),
    };
  }
  const checked = schema.safeParse(raw);
  if (!checked.success) {
    const name = String(checked.error.issues[0]?.path[0] ?? '');
    const { [name]: _refused, ...understood } = raw;
    return { ok: false, understood, refused: name, ...(typed[name] ? { leftOver: typed[name] } : {}) };
  }
  return { ok: true, value: checked.data, typed };
}
