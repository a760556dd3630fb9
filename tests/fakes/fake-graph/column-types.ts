import { graphError } from './odata';
import type { FakeGraphResponse } from './route';

/*
 * What SharePoint refuses for a typed column, written here from Microsoft's documentation of
 * columnDefinition (Graph v1.0: text, number, boolean, dateTime, choice, hyperlinkOrPicture
 * facets) and SharePoint's column limits (/work/shared/PLATFORM.md), never from the product:
 * - a value of another type than the column's (a number column takes a number, a yes/no a boolean);
 * - a date and time that is not ISO 8601;
 * - a choice not among the column's choices when the column takes no other text (allowTextEntry false);
 * - a hyperlink that is not `{ Url, Description }`, or whose address is over 255 characters;
 * - writing the read-only built-ins (ID, Created, Modified, …).
 * Text lengths are list-limits.ts's. `null` clears any column.
 */

/** A hyperlink column's address holds at most 255 characters (SharePoint column limits). */
export const HYPERLINK_URL_MAX = 255;
const READ_ONLY = new Set(['ID', 'Created', 'Modified', 'Author', 'Editor', 'ContentType', 'Attachments']);
const ISO_8601 = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,7})?)?(Z|[+-]\d\d:\d\d))?$/;

interface ColumnLike {
  readonly name: string;
  readonly [facet: string]: unknown;
}

const refuse = (name: string, why: string): FakeGraphResponse =>
  graphError(400, 'invalidRequest', `Invalid value for field '${name}': ${why}.`);

/** The first field whose value its column does not take, answered as SharePoint does: 400. */
export function typeRefusal(
  columns: readonly ColumnLike[],
  fields: Record<string, unknown>,
): FakeGraphResponse | undefined {
  for (const [name, value] of Object.entries(fields)) {
    if (READ_ONLY.has(name)) return graphError(400, 'invalidRequest', `Field '${name}' is read-only.`);
    const column = columns.find((c) => c.name === name);
    if (!column || value === null) continue;
    const why = mismatch(column, value);
    if (why) return refuse(name, why);
  }
  return undefined;
}

function mismatch(column: ColumnLike, value: unknown): string | undefined {
  if (column.text || column.name === 'Title') return typeof value === 'string' ? undefined : 'a text column takes text';
  if (column.number)
    return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number column takes a number';
  if (column.boolean) return typeof value === 'boolean' ? undefined : 'a yes/no column takes true or false';
  if (column.dateTime)
    return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value))
      ? undefined
      : 'a date column takes an ISO 8601 date and time';
  const choice = column.choice as { choices?: string[]; allowTextEntry?: boolean } | undefined;
  if (choice) {
    if (typeof value !== 'string') return 'a choice column takes text';
    return choice.allowTextEntry === true || (choice.choices ?? []).includes(value)
      ? undefined
      : `'${value}' is not one of the column's choices`;
  }
  if (column.hyperlinkOrPicture) {
    const link = value as Record<string, unknown>;
    if (
      typeof link !== 'object' ||
      Array.isArray(link) ||
      Object.keys(link).some((k) => k !== 'Url' && k !== 'Description')
    )
      return 'a hyperlink takes { Url, Description }';
    if (typeof link.Url !== 'string' || !/^(https?|mailto):/i.test(link.Url)) return 'a hyperlink needs a Url';
    if (link.Url.length > HYPERLINK_URL_MAX) return `a hyperlink's Url holds at most ${HYPERLINK_URL_MAX} characters`;
    if (link.Description !== undefined && typeof link.Description !== 'string')
      return "a hyperlink's Description is text";
    return undefined;
  }
  return undefined;
}
