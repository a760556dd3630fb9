import { createHash } from 'node:crypto';

/**
 * The one SharePoint list that holds every record collection, and its columns.
 *
 * One list with a `Collection` column rather than a list per collection: the port's list
 * names are an open set (any use case may add one), so a list per collection would need
 * provisioning, and so admin rights, at run time; one list is provisioned once with
 * `npm run provision`, takes one Sites.Selected grant, and pages, indexes and batches the
 * same way for every collection. SharePoint's 5,000-item view threshold is met by filtering
 * on indexed columns only.
 */
export const RECORDS_LIST = 'SamradRecords';

export interface ColumnSpec {
  readonly name: string;
  readonly description: string;
  readonly indexed: boolean;
  readonly enforceUniqueValues?: boolean;
  /** A single line (at most 255 characters) or plain multi-line text. */
  readonly multiline?: boolean;
  /** The schema version that added the column; provisioning adds what a site lacks. */
  readonly since: number;
}

/**
 * Top-level value fields the product filters on (`store.find(list, { field: value })`), each
 * copied into an indexed column so the filter runs in SharePoint. Other fields are filtered
 * after reading the collection.
 */
export const FILTER_COLUMNS: Readonly<Record<string, string>> = {
  state: 'FilterState',
  kind: 'FilterKind',
  memberId: 'FilterMemberId',
  bodyId: 'FilterBodyId',
  meetingId: 'FilterMeetingId',
  installed: 'FilterInstalled',
  hearingId: 'FilterHearingId',
  finishedDay: 'FilterFinishedDay',
};

/**
 * Which filter column leads a query, most selective first. SharePoint judges a query by its
 * first indexed clause (the list view threshold, 5,000), so a query starts with the clause that
 * matches fewest items as the list grows, and `Collection`, which matches a whole collection,
 * comes last (docs/storage-queries.md has the reasoning per query).
 */
export const LEAD_ORDER: readonly string[] = [
  'finishedDay',
  'hearingId',
  'meetingId',
  'memberId',
  'bodyId',
  'state',
  'kind',
  'installed',
];

export const RECORD_COLUMNS: readonly ColumnSpec[] = [
  { name: 'Collection', description: 'The record collection (the port’s list name)', indexed: true, since: 1 },
  {
    name: 'RecordKey',
    description: 'Collection and id: unique, so a second create fails',
    indexed: true,
    enforceUniqueValues: true,
    since: 1,
  },
  { name: 'RecordId', description: 'The record id within its collection', indexed: false, since: 1 },
  { name: 'Value', description: 'The record as JSON', indexed: false, multiline: true, since: 1 },
  { name: 'FilterState', description: 'Copy of value.state for filtering', indexed: true, since: 1 },
  { name: 'FilterKind', description: 'Copy of value.kind for filtering', indexed: true, since: 1 },
  { name: 'FilterMemberId', description: 'Copy of value.memberId for filtering', indexed: true, since: 1 },
  { name: 'FilterBodyId', description: 'Copy of value.bodyId for filtering', indexed: true, since: 2 },
  { name: 'FilterMeetingId', description: 'Copy of value.meetingId for filtering', indexed: true, since: 2 },
  { name: 'FilterInstalled', description: 'Copy of value.installed for filtering', indexed: true, since: 2 },
  { name: 'FilterHearingId', description: 'Copy of value.hearingId for filtering', indexed: true, since: 3 },
  {
    name: 'FilterFinishedDay',
    description: 'Copy of value.finishedDay (a finished job’s UTC day) for retention',
    indexed: true,
    since: 4,
  },
  {
    name: 'LongRecordId',
    description: 'The whole id when it is too long for RecordKey and RecordId',
    indexed: false,
    multiline: true,
    since: 4,
  },
];

export const SCHEMA_VERSION = Math.max(...RECORD_COLUMNS.map((c) => c.since));

export const columnsAt = (version: number): ColumnSpec[] => RECORD_COLUMNS.filter((c) => c.since <= version);

/** The column definition as Graph's `POST /sites/{id}/lists/{id}/columns` takes it. */
export const columnDefinition = (c: ColumnSpec): Record<string, unknown> => ({
  name: c.name,
  displayName: c.name,
  description: c.description,
  indexed: c.indexed,
  enforceUniqueValues: c.enforceUniqueValues === true,
  text: c.multiline
    ? { allowMultipleLines: true, textType: 'plain', appendChangesToExistingText: false }
    : { allowMultipleLines: false, maxLength: 255 },
});

/** A single line of text holds 255 characters. */
const SINGLE_LINE = 255;
const HASHED_PREFIX = SINGLE_LINE - 1 - 64;

/**
 * Text for a single-line column: as it is when it fits, otherwise its first 190 characters, `#`
 * and the SHA-256 of the whole (255 in all). Stable, so a lookup finds what a create wrote.
 */
export const fitted = (text: string): string =>
  text.length <= SINGLE_LINE
    ? text
    : `${text.slice(0, HASHED_PREFIX)}#${createHash('sha256').update(text).digest('hex')}`;

/**
 * `things/a` → the unique key. A slash cannot clash: ids are not split on it. Ids like
 * `update:<conversation id>:<activity id>` can pass 255 characters: then the hashed form.
 */
export const recordKey = (list: string, id: string): string => fitted(`${list}/${id}`);

/** The text a filter column holds for a value; undefined when the value cannot be filtered on. */
export function filterText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length <= 255 ? value : undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** An OData string literal: quotes doubled. */
export const odataString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
