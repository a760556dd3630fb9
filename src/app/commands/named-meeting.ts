import { foldText } from '../../domain/fold-text';

const words = (s: string): string[] =>
  foldText(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** True when the title holds these words in a row, whole ("desember" in "Styremøte desember"). */
function titleHas(title: string, wanted: readonly string[]): boolean {
  const have = words(title);
  for (let at = 0; at + wanted.length <= have.length; at++) if (wanted.every((w, k) => have[at + k] === w)) return true;
  return false;
}

/**
 * The longest run of words at the front of `text` that names a meeting by its title, and what
 * follows it (the reason): "januar Ingen saker" → "januar", "Ingen saker". A name needs a word
 * of three letters or more, so "i" or "på" at the front of a reason names nothing.
 */
export function splitNamedMeeting(text: string, titles: readonly string[]): { ref: string; rest: string } | undefined {
  const typed = text.trim().split(/\s+/).filter(Boolean);
  for (let n = typed.length; n > 0; n--) {
    const front = typed.slice(0, n);
    const wanted = words(front.join(' '));
    if (!wanted.some((w) => w.length >= 3)) continue;
    if (titles.some((title) => titleHas(title, wanted)))
      return { ref: front.join(' '), rest: typed.slice(n).join(' ') };
  }
  return undefined;
}

/** True when the words are the whole title ("Styremøte januar"): a meeting named on purpose, not a reason's first words. */
export function isWholeTitle(ref: string, title: string): boolean {
  return words(ref).join(' ') === words(title).join(' ');
}
