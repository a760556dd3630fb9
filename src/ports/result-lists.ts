/**
 * The result lists port: the cooperation's results as rows people can filter and export
 * (SharePoint lists with typed columns in production). A projection of the records store,
 * never its source: every row is derived again from the records, so writing the same rows
 * twice changes nothing.
 */
export type ResultListName =
  'meetings' | 'cases' | 'decisions' | 'votes' | 'input' | 'hearings' | 'hearingResponses' | 'minutes' | 'followUps';

export const RESULT_LISTS: readonly ResultListName[] = [
  'meetings',
  'cases',
  'decisions',
  'votes',
  'input',
  'hearings',
  'hearingResponses',
  'minutes',
  'followUps',
];

/** A link to a document in the library, or a join link. */
export interface CellLink {
  readonly url: string;
  readonly text: string;
}

/**
 * A cell: text, a number, yes/no, an ISO instant or day (`2026-11-23T09:00:00.000Z`, `2026-11-23`),
 * a choice's key (the adapter writes the choice's text), a link, or nothing.
 */
export type Cell = string | number | boolean | CellLink | null;

export interface ResultRow {
  /** Stable and unique within its list: `meetings/M1/item-3`. */
  readonly key: string;
  readonly title: string;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface SyncReport {
  readonly created: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
}

export interface ResultLists {
  /**
   * Makes the rows that came from `source` (`meetings/M1`) exactly `rows`: creates the missing,
   * updates the changed (eTag-guarded), removes the ones no longer there, leaves the rest alone.
   */
  sync(list: ResultListName, source: string, rows: readonly ResultRow[]): Promise<SyncReport>;
}
