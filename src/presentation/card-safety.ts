import { cleanMarkup, isSafeUrl, Markup, MARKUP_END, MARKUP_START, plainLabel, plainText } from './card-text';

/*
 * Every field a card shows is escaped after the template is filled, by where it lands: the
 * template cannot forget a field and a builder cannot forget an escape. Only `Markup` from the
 * data passes as written; it travels through the template between two private-use markers,
 * which are removed from every other string first, so no one can type their way into markup.
 */

type Shown = 'markdown' | 'label';
const MARKERS = /[\uE000\uE001]/g;
const SEGMENT = /\uE000([\s\S]*?)\uE001/g;

/** Before expansion: markup becomes marked text; markers in anything else are dropped. */
export function markData(value: Markup | string): string;
export function markData(value: unknown): unknown;
export function markData(value: unknown): unknown {
  if (value instanceof Markup)
    return value.markdown === '' ? '' : `${MARKUP_START}${value.markdown.replace(MARKERS, '')}${MARKUP_END}`;
  if (typeof value === 'string') return value.replace(MARKERS, '');
  if (Array.isArray(value)) return value.map(markData);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markData(v)]));
  return value;
}

/** Only plain data is walked; anything else (a Date) reaches the template as it is. */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null);

const escape = (s: string, as: Shown): string => (as === 'markdown' ? plainText(s) : plainLabel(s));

/** Keeps the spaces around a piece of text between markup ("**4** · Gol"). */
function escapeSegment(s: string, as: Shown): string {
  const [, lead = '', body = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(s) ?? [];
  return `${lead === '' ? '' : ' '}${escape(body, as)}${trail === '' ? '' : ' '}`;
}

export function show(s: string, as: Shown): string {
  if (!s.includes(MARKUP_START)) return escape(s.replace(MARKERS, ''), as);
  let out = '';
  let at = 0;
  for (const m of s.matchAll(SEGMENT)) {
    out += escapeSegment(s.slice(at, m.index).replace(MARKERS, ''), as);
    out += as === 'markdown' ? cleanMarkup(m[1]!) : plainLabel(m[1]!);
    at = m.index + m[0].length;
  }
  return out + escapeSegment(s.slice(at).replace(MARKERS, ''), as);
}

/** What a button sends back or a client reads, never shows: left exactly as built. */
const OPAQUE = ['data', 'msteams', 'userIds'];
const LABELS = ['label', 'placeholder', 'tooltip', 'fallbackText', 'speak', 'altText'];

/** After expansion: every shown string escaped for where it lands; unsafe links removed. */
export function secureCard(node: unknown, parent = ''): unknown {
  if (typeof node === 'string') return parent === 'RichTextBlock' ? show(node, 'label') : node;
  if (Array.isArray(node)) return node.filter((n) => !isUnsafeAction(n)).map((n) => secureCard(n, parent));
  if (node === null || typeof node !== 'object') return node;
  const o = { ...(node as Record<string, unknown>) };
  const type = typeof o.type === 'string' ? o.type : '';
  for (const [key, value] of Object.entries(o)) {
    if (typeof value === 'string') {
      const as = shownAs(key, type, parent);
      if (as) o[key] = show(value, as);
    } else if (key === 'selectAction' && isUnsafeAction(value)) {
      delete o.selectAction;
    } else if (!OPAQUE.includes(key)) {
      o[key] = secureCard(
        value,
        key === 'facts' ? 'Fact' : key === 'choices' ? `Choice:${choiceStyle(o)}` : type || parent,
      );
    }
  }
  return o;
}

function shownAs(key: string, type: string, parent: string): Shown | undefined {
  if (LABELS.includes(key)) return 'label';
  if (key === 'errorMessage') return 'markdown';
  if (type === '' && parent === 'Fact') return key === 'title' || key === 'value' ? 'markdown' : undefined;
  if (type === '' && parent.startsWith('Choice:'))
    return key === 'title' ? (parent === 'Choice:expanded' ? 'markdown' : 'label') : undefined;
  if (key === 'text') return type === 'TextRun' ? 'label' : 'markdown';
  if (key === 'title') return type.startsWith('Action.') ? 'label' : 'markdown';
  return undefined;
}

/** Expanded choices and checkboxes are TextBlocks (Markdown); a dropdown's are plain. */
const choiceStyle = (o: Record<string, unknown>): string =>
  o.style === 'expanded' || o.isMultiSelect === true ? 'expanded' : 'compact';

function isUnsafeAction(n: unknown): boolean {
  if (n === null || typeof n !== 'object') return false;
  const a = n as { type?: unknown; url?: unknown };
  return a.type === 'Action.OpenUrl' && !(typeof a.url === 'string' && isSafeUrl(a.url));
}
