import type { Locale } from '../i18n/locale';
import { editDistance, foldText } from '../domain/fold-text';

/** One way of saying a command, in one language. */
export interface Phrase {
  readonly commandId: string;
  readonly words: string; // folded
  readonly locale: Locale;
}

export type ParsedCommand =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'command';
      readonly commandId: string;
      readonly args: string;
      /** The language the phrase belongs to, when only one language has it. */
      readonly language?: Locale;
    }
  | { readonly kind: 'unknown'; readonly input: string; readonly suggestion?: Phrase };

/**
 * Longest phrase first, so "nytt møte" wins over "nytt". Arguments keep the case
 * and letters the person typed.
 */
export function parseCommand(input: string, phrases: readonly Phrase[]): ParsedCommand {
  const typed = input.replace(/^\s*\/+/, '').trim();
  if (typed === '') return { kind: 'empty' };
  const words = typed.split(/\s+/);
  const folded = new Map<number, string>();
  const firstWords = (n: number) => folded.get(n) ?? folded.set(n, foldText(words.slice(0, n).join(' '))).get(n)!;
  for (const { phrase, n } of longestFirst(phrases)) {
    if (words.length < n || firstWords(n) !== phrase.words) continue;
    const languages = new Set(
      phrases.filter((p) => p.words === phrase.words && p.commandId === phrase.commandId).map((p) => p.locale),
    );
    const args = words.slice(n).join(' ');
    return languages.size === 1
      ? { kind: 'command', commandId: phrase.commandId, args, language: phrase.locale }
      : { kind: 'command', commandId: phrase.commandId, args };
  }
  const suggestion = closestPhrase(words, phrases);
  return suggestion ? { kind: 'unknown', input: typed, suggestion } : { kind: 'unknown', input: typed };
}

/** Sorted once per phrase list (the bench showed the sort on every message). */
const sorted = new WeakMap<readonly Phrase[], { phrase: Phrase; n: number }[]>();
function longestFirst(phrases: readonly Phrase[]): { phrase: Phrase; n: number }[] {
  let list = sorted.get(phrases);
  if (!list) {
    list = phrases.map((phrase) => ({ phrase, n: phrase.words.split(' ').length })).sort((a, b) => b.n - a.n);
    sorted.set(phrases, list);
  }
  return list;
}

function closestPhrase(words: readonly string[], phrases: readonly Phrase[]): Phrase | undefined {
  let best: { phrase: Phrase; distance: number } | undefined;
  for (const phrase of phrases) {
    const n = phrase.words.split(' ').length;
    const typed = foldText(words.slice(0, n).join(' '));
    const distance = editDistance(typed, phrase.words);
    if (!best || distance < best.distance) best = { phrase, distance };
  }
  if (!best) return undefined;
  // A third of the word may be wrong, at least one letter: "hjlep", "medlemer", "kommunner".
  const allowed = Math.max(1, Math.floor(best.phrase.words.length / 3));
  return best.distance <= allowed ? best.phrase : undefined;
}
