import { looksLikeShortId } from './short-id-word';

/**
 * Where a reference ends and free text begins, when the person says so: a colon after the name
 * (`avlys møte styremøte januar: Ikke beslutningsdyktig`) or the name in quotes
 * (`meld forfall «januar» Syk`). The first such mark counts; what follows is the text, colons and all.
 */
const OPEN = /^[«"“‘']/;
const CLOSE = /[»"”’']:?$/;

/** The reference named before the separator (marks removed) and how many words it took, colon included. */
export function separatedRef(words: readonly string[]): { ref: string; used: number } | undefined {
  if (words[0] && OPEN.test(words[0])) {
    const end = words.findIndex((w, i) => CLOSE.test(i === 0 ? w.slice(1) : w));
    if (end < 0) return undefined;
    const ref = words
      .slice(0, end + 1)
      .join(' ')
      .replace(OPEN, '')
      .replace(CLOSE, '')
      .trim();
    const used = words[end + 1] === ':' ? end + 2 : end + 1;
    return ref ? { ref, used } : undefined;
  }
  const end = words.findIndex((w) => w.endsWith(':'));
  if (end < 0) return undefined;
  const ref = words
    .slice(0, end + 1)
    .join(' ')
    .replace(/\s*:$/, '')
    .trim();
  return ref ? { ref, used: end + 1 } : undefined;
}

/**
 * True when a name ended by a colon or quotes, that fits no meeting, was the text's own
 * ("Høring: regional plan", "Syk: feber"): then all of it is the text. An id that fits nothing
 * is a mistyped id, to be answered as one.
 */
export function separatorWasText(typedRef: string | undefined, ref: string): boolean {
  return typedRef !== undefined && /[:»"”’']$/.test(typedRef) && !looksLikeShortId(ref);
}
