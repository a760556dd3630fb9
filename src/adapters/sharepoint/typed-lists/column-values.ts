import type { Translator } from '../../../i18n/catalogue';
import type { Cell, CellLink } from '../../../ports/result-lists';
import type { ListSchema, TypedColumn } from './list-columns';
import { CHOICES } from './list-columns';

/** SharePoint's text columns: a single line holds 255 characters, multiple lines 63,999. */
const SINGLE_LINE = 255;
const MULTI_LINE = 63_999;
/** A hyperlink column holds an address of at most 255 characters. */
const LINK_URL = 255;

export const listTitle = (schema: ListSchema, t: Translator): string => t.t(`lists.${schema.list}.title`);
export const columnTitle = (schema: ListSchema, column: TypedColumn, t: Translator): string =>
  t.t(`lists.${schema.list}.column.${column.name}`);
export const choiceText = (column: TypedColumn, key: string, t: Translator): string =>
  t.t(`lists.choice.${column.choices}.${key}`);

/** The column as Graph's `POST /sites/{s}/lists/{l}/columns` takes it (columnDefinition). */
export function columnDefinition(schema: ListSchema, column: TypedColumn, t: Translator): Record<string, unknown> {
  const head = {
    name: column.name,
    displayName: columnTitle(schema, column, t),
    indexed: column.indexed === true,
    enforceUniqueValues: column.unique === true,
  };
  switch (column.kind) {
    case 'text':
      return { ...head, text: { allowMultipleLines: false, maxLength: SINGLE_LINE } };
    case 'note':
      return { ...head, text: { allowMultipleLines: true, textType: 'plain', appendChangesToExistingText: false } };
    case 'number':
      return { ...head, number: { decimalPlaces: 'automatic' } };
    case 'dateTime':
      return { ...head, dateTime: { format: 'dateTime', displayAs: 'standard' } };
    case 'date':
      return { ...head, dateTime: { format: 'dateOnly', displayAs: 'standard' } };
    case 'boolean':
      return { ...head, boolean: {} };
    case 'choice':
      return {
        ...head,
        choice: {
          allowTextEntry: false,
          displayAs: 'dropDownMenu',
          choices: CHOICES[column.choices!].map((k) => choiceText(column, k, t)),
        },
      };
    case 'link':
      return { ...head, hyperlinkOrPicture: { isPicture: false } };
  }
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The value written for a cell. Text is cut to what the column holds (the records store keeps
 * the whole; a list row is a view of it), a choice key becomes its text, a link `{Url, Description}`.
 */
export function fieldValue(column: TypedColumn, cell: Cell | undefined, t: Translator): unknown {
  if (cell === undefined || cell === null || cell === '') return null;
  switch (column.kind) {
    case 'text':
      return clip(cellText(cell), SINGLE_LINE);
    case 'note':
      return clip(cellText(cell), MULTI_LINE);
    case 'number':
      return typeof cell === 'number' ? cell : null;
    case 'boolean':
      return cell === true;
    case 'dateTime':
      return typeof cell === 'string' ? new Date(cell).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
    case 'date':
      return typeof cell === 'string' ? `${cell.slice(0, 10)}T00:00:00Z` : null;
    case 'choice':
      return typeof cell === 'string' ? choiceText(column, cell, t) : null;
    case 'link': {
      const link = cell as CellLink;
      if (typeof link !== 'object' || !/^https:\/\//i.test(link.url) || link.url.length > LINK_URL) return null;
      return { Url: link.url, Description: clip(link.text || link.url, SINGLE_LINE) };
    }
  }
}

/** A cell as text; a link gives its text (its address when it has none). */
const cellText = (cell: Exclude<Cell, null>): string =>
  typeof cell === 'object' ? cell.text || cell.url : String(cell);

/** Whether the value SharePoint holds is the one we would write: dates by instant, links by parts. */
export function sameValue(column: TypedColumn, held: unknown, wanted: unknown): boolean {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(held) || blank(wanted)) return blank(held) && blank(wanted);
  if (column.kind === 'dateTime' || column.kind === 'date')
    return typeof held === 'string' && typeof wanted === 'string' && Date.parse(held) === Date.parse(wanted);
  if (column.kind === 'link') {
    const a = held as { Url?: string; Description?: string };
    const b = wanted as { Url?: string; Description?: string };
    return a.Url === b.Url && a.Description === b.Description;
  }
  return held === wanted;
}
