/*
 * Text a person typed (or a Teams display name) shown on someone else's card. Teams renders a
 * TextBlock's text as Markdown and turns {{DATE(...)}} and {{TIME(...)}} into dates, so such
 * text is escaped here; the card renderer applies this to every field it shows, and only text
 * wrapped in `markup()` (catalogue text, whose arguments were escaped) is left as written.
 * The Markdown export has its own escape (src/app/exports/markdown.ts): one function per target.
 */

/**
 * Characters no one can see that change what others see: bidirectional overrides, embeddings
 * and isolates (a U+202E reverses the words after it), zero-width characters and joiners,
 * the soft hyphen, tag characters, non-characters and every C0/C1 control but the line break.
 */
const INVISIBLE =
  // \p{Cc} is every C0/C1 control; the combining marks (U+034F, U+17B4-5, U+180B-D, U+180F) stand alone, not in a class.
  /(?!\n)\p{Cc}|[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF0-\uFFFC\uFFFE\uFFFF\u{E0000}-\u{E01EF}]|\u034F|\u17B4|\u17B5|[\u180B-\u180D]|\u180F/gu;

/** Private-use characters the renderer uses to mark trusted markup; never accepted from data. */
export const MARKUP_START = '\uE000';
export const MARKUP_END = '\uE001';
const MARKERS = /[\uE000\uE001]/g;

/** Line breaks of every kind become "\n", a tab a space; what no one can see and our markers are dropped. */
function visible(s: string): string {
  return s
    .replace(/\r\n?|[\u2028\u2029\u0085\v\f]/g, '\n')
    .replace(INVISIBLE, (c) => (c === '\t' ? ' ' : ''))
    .replace(MARKERS, '');
}

/** Line breaks of every kind become one "\n"; blank lines and indentation are dropped. */
function lines(s: string): string[] {
  return visible(s)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * A chat message's text. Messages go out as `textFormat: plain`, so Teams shows Markdown as
 * written; only what no one can see (a U+202E from someone's title) is taken out. Line breaks stay.
 */
export const plainMessage = visible;

/** For fields Teams shows without Markdown (button titles, input labels, dropdown choices). */
export function plainLabel(s: string): string {
  // Input labels are TextRuns: no Markdown, but the date functions still apply.
  return lines(s)
    .join(' ')
    .replace(/\{(?=\{)/g, '{ ');
}

/**
 * For fields Teams renders as Markdown (TextBlock, FactSet, expanded choices): everything the
 * text holds is shown as written. One "\n" between lines, so no paragraph, list, heading,
 * quote or code block can start; emphasis, links, autolinks, HTML and entities are escaped.
 */
export function plainText(s: string): string {
  return lines(s)
    .map((line) =>
      line
        .replace(/[\\`*_~[\]<]/g, (c) => `\\${c}`)
        .replace(/\{(?=\{)|(?<=\{)\{/g, '\\{')
        .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
        .replace(/^([#+=>|-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** Markup the renderer trusts still loses what no one can see (a U+202E in catalogue arguments). */
export function cleanMarkup(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(MARKERS, '');
}

/** Addresses a card may open: https, and plain http only to this machine (local mode). */
export function isSafeUrl(url: string): boolean {
  return (
    /^https:\/\/[^\s<>()\\]+$/i.test(url) ||
    /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/[^\s<>()\\]*)?$/i.test(url)
  );
}

/**
 * A link the secretariat entered, shown as the address itself so its text cannot disguise
 * where it leads; anything else is shown as text. Use inside `markup()`.
 */
export function addressLink(url: string): string {
  const address = lines(url).join('');
  return isSafeUrl(address) ? `[${plainText(address)}](${address})` : plainText(address);
}

/** Catalogue text that may hold Markdown (bold): its arguments must have passed through `plainText`. */
export class Markup {
  constructor(readonly markdown: string) {}
}

export const markup = (markdown: string): Markup => new Markup(markdown);
