import { isPlainObject } from './card-safety';
import { MARKUP_START } from './card-text';

/*
 * Teams refuses a message over about 28 KB (413 MessageSizeTooBig), card and envelope together.
 * A card that grows with what people write is cut to fit before it is sent: long texts first,
 * then long lists, and a sentence says so and where the whole content is.
 */

/** The card's share of the 28 KB: the activity's envelope (addresses, ids, ...) needs the rest. */
export const CARD_BUDGET_BYTES = 26 * 1024;
/** Room kept for the sentence that says the card was shortened. */
const NOTICE_ROOM = 600;
/** No text is cut shorter than this; lists are cut after that. */
const SHORTEST_TEXT = 160;
const SHORTEST_LIST = 3;
/** What a button sends back is never cut: it names records. */
const UNTOUCHED = new Set(['data']);
/** Lists a person acts on or reads a result from stay whole: ballot options, counts, buttons. */
const WHOLE_LISTS = new Set(['choices', 'picker', 'counts', 'actions', 'refreshUserIds']);

export const cardBytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

type Render = (data: object) => Record<string, unknown>;

/** Renders `data`, shortened as little as needed to fit; `notice` is shown when anything was cut. */
export function renderWithin(
  render: Render,
  data: object,
  notice: () => string,
  budget = CARD_BUDGET_BYTES,
): Record<string, unknown> {
  const whole = render(data);
  if (cardBytes(whole) <= budget) return whole;
  const target = budget - NOTICE_ROOM;
  const fits = (d: object) => cardBytes(render(d)) <= target;
  const longest = longestText(data);
  let shortened: object;
  if (fits(cutTexts(data, SHORTEST_TEXT))) {
    shortened = cutTexts(
      data,
      largest(SHORTEST_TEXT, longest, (n) => fits(cutTexts(data, n))),
    );
  } else {
    const texts = cutTexts(data, SHORTEST_TEXT);
    shortened = cutLists(
      texts,
      largest(SHORTEST_LIST, longestList(texts), (n) => fits(cutLists(texts, n))),
    );
  }
  const card = render(shortened);
  const body = Array.isArray(card.body) ? [...(card.body as unknown[])] : [];
  body.splice(Math.min(1, body.length), 0, {
    type: 'TextBlock',
    text: notice(),
    wrap: true,
    color: 'Attention',
    size: 'Small',
  });
  return { ...card, body };
}

/** The largest n in [low, high] for which `ok(n)` holds, given that `ok(low)` does. */
function largest(low: number, high: number, ok: (n: number) => boolean): number {
  let lo = low;
  let hi = high;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const cuttable = (s: string) => !s.includes(MARKUP_START) && !/^https?:\/\//i.test(s);

function cutText(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max || !cuttable(s) ? s : `${chars.slice(0, max).join('').trimEnd()} …`;
}

function cutTexts(value: unknown, max: number): object {
  return map(
    value,
    (s) => cutText(s, max),
    () => Infinity,
  ) as object;
}

function cutLists(value: unknown, max: number): object {
  return map(
    value,
    (s) => s,
    (key) => (WHOLE_LISTS.has(key) ? Infinity : max),
  ) as object;
}

function map(value: unknown, text: (s: string) => string, listMax: (key: string) => number, key = ''): unknown {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) {
    const kept = value.every((v) => typeof v === 'string') ? value : value.slice(0, listMax(key));
    return kept.map((v) => map(v, text, listMax, key));
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, UNTOUCHED.has(k) ? v : map(v, text, listMax, k)]),
    );
  }
  return value;
}

function longestText(value: unknown): number {
  let n = SHORTEST_TEXT;
  map(
    value,
    (s) => ((n = Math.max(n, [...s].length)), s),
    () => Infinity,
  );
  return n;
}

function longestList(value: unknown): number {
  let n = 0;
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) {
      if (!WHOLE_LISTS.has(key)) n = Math.max(n, v.length);
      v.forEach((x) => walk(x, key));
    } else if (isPlainObject(v)) Object.entries(v).forEach(([k, x]) => walk(x, k));
  };
  walk(value, '');
  return n;
}
