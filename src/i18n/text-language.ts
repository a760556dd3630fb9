import type { Locale } from './locale';

// Short, frequent words that belong to one language only; "i", "a", "for", "og"/"on" style
// overlaps are left out so that a word shared by both never decides.
const NORWEGIAN = new Set([
  'jeg',
  'du',
  'deg',
  'meg',
  'vi',
  'dere',
  'kan',
  'skal',
  'vil',
  'må',
  'er',
  'ikke',
  'hva',
  'hvem',
  'hvor',
  'hvordan',
  'når',
  'og',
  'eller',
  'til',
  'på',
  'med',
  'av',
  'om',
  'det',
  'den',
  'en',
  'et',
  'som',
  'har',
  'hei',
  'takk',
  'møtet',
  'møte',
  'neste',
  'bestille',
  'kaffe',
  'noen',
  'alle',
  'også',
  'bare',
  'sak',
  'saken',
  'være',
  'fra',
  'hvis',
  'så',
  'ja',
  'nei',
  'gjerne',
]);
const ENGLISH = new Set([
  'i',
  'you',
  'we',
  'can',
  'could',
  'would',
  'will',
  'shall',
  'is',
  'are',
  'not',
  'what',
  'who',
  'where',
  'how',
  'when',
  'and',
  'or',
  'to',
  'on',
  'with',
  'of',
  'about',
  'the',
  'it',
  'a',
  'an',
  'that',
  'have',
  'has',
  'hello',
  'hi',
  'thanks',
  'please',
  'meeting',
  'next',
  'order',
  'coffee',
  'some',
  'all',
  'also',
  'just',
  'case',
  'be',
  'from',
  'if',
  'so',
  'yes',
  'no',
  'my',
  'me',
]);

/**
 * The language a free text is clearly written in, or undefined when it is not clear: Norwegian
 * letters, or more of one language's common words than the other's, by at least two.
 */
export function languageOfText(text: string): Locale | undefined {
  const words = text.toLocaleLowerCase('nb').match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return undefined;
  let nb = /[æøå]/.test(text.toLocaleLowerCase('nb')) ? 2 : 0;
  let en = 0;
  for (const w of words) {
    if (NORWEGIAN.has(w)) nb++;
    if (ENGLISH.has(w)) en++;
  }
  if (nb >= 2 && nb >= en + 2) return 'nb';
  if (en >= 2 && en >= nb + 2) return 'en';
  return undefined;
}
