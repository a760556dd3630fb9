import type { Locale } from '../domain/locale';

/*
 * A document to export (basis document, minutes, joint statement), already worded in the
 * reader's language. Builders in app/exports make one from the domain; a renderer turns it
 * into a file format. Nothing here knows a format, so Markdown and DOCX say the same thing.
 */

/** A piece of text in a paragraph. A newline in `text` is a line break, not a new paragraph. */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly runs: readonly TextRun[] }
  /** A quoted text as written (a proposal, an input): set off from the document's own words. */
  | { readonly kind: 'quote'; readonly text: string }
  /** Label and value pairs at the head of a document: "Tid:", "Sted:". */
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: string }[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly TextRun[])[] }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly numeric?: readonly number[];
    };

export interface ExportDocument {
  readonly title: string;
  readonly subtitle?: string;
  readonly locale: Locale;
  readonly blocks: readonly Block[];
}

/** Turns a document into a file. */
export interface DocumentRenderer {
  readonly mediaType: string;
  /** Without the dot: "docx", "md". */
  readonly extension: string;
  render(doc: ExportDocument): Promise<Buffer>;
}
