import type { EqualityClause } from './odata';
import { graphError } from './odata';
import type { FakeGraphResponse } from './route';

/*
 * SharePoint's limits on lists, written here from Microsoft's documentation (never imported
 * from the product, so a test shows the product meeting them rather than agreeing with itself).
 */

/** The list view threshold: a query may touch at most this many items. */
export const LIST_VIEW_THRESHOLD = 5_000;
/** Single line of text holds at most 255 characters. */
export const SINGLE_LINE_MAX = 255;
/** Multiple lines of text hold at most 63,999 characters. */
export const MULTI_LINE_MAX = 63_999;

interface ColumnLike {
  readonly name: string;
  readonly indexed: boolean;
  readonly [facet: string]: unknown;
}

/**
 * The shape chosen for a query over the threshold. SharePoint's REST answers 500 with
 * `-2147024860, Microsoft.SharePoint.SPQueryThrottledException` and this text (pnp/pnpjs#3149,
 * sp-dev-docs#6826); through Graph the same refusal comes back as a 500 whose inner error
 * names the exception. Not 429 or 503: it does not get better by waiting.
 */
export const thresholdRefusal = (): FakeGraphResponse => ({
  status: 500,
  body: {
    error: {
      code: 'generalException',
      message: 'The attempted operation is prohibited because it exceeds the list view threshold.',
      innerError: { code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException' },
    },
  },
});

/**
 * SharePoint judges a filter by its FIRST indexed clause: it reads the items that clause
 * selects through the index, then applies the rest. When that first clause selects more than
 * the threshold the query is refused, however few items the whole filter would leave. With no
 * indexed clause (allowed only with `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`)
 * the whole list is scanned, so the list's size is what counts.
 */
export function overThreshold(
  clauses: readonly EqualityClause[],
  columns: readonly ColumnLike[],
  items: readonly { fields: Record<string, unknown> }[],
  threshold: number,
): boolean {
  const first = clauses.find((c) => columns.find((col) => col.name === c.field)?.indexed === true);
  const touched = first ? items.filter((i) => i.fields[first.field] === first.value).length : items.length;
  return touched > threshold;
}

/** The most characters a text column takes; undefined for columns that are not text. */
function maxLength(column: ColumnLike): number | undefined {
  const text = column.text as { allowMultipleLines?: boolean; maxLength?: number } | undefined;
  if (column.name === 'Title') return SINGLE_LINE_MAX;
  if (!text) return undefined;
  if (text.allowMultipleLines === true) return MULTI_LINE_MAX;
  return Math.min(text.maxLength ?? SINGLE_LINE_MAX, SINGLE_LINE_MAX);
}

/** A write with text longer than its column takes is refused 400, as SharePoint does. */
export function tooLong(
  columns: readonly ColumnLike[],
  fields: Record<string, unknown>,
): FakeGraphResponse | undefined {
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string') continue;
    const column = columns.find((c) => c.name === name);
    const max = column && maxLength(column);
    if (max !== undefined && value.length > max)
      return graphError(
        400,
        'invalidRequest',
        `The value of field '${name}' is ${value.length} characters long; the column takes at most ${max}.`,
      );
  }
  return undefined;
}
