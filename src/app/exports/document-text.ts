import type { Block, ExportDocument, TextRun } from '../../ports/documents';

/*
 * Characters XML 1.0 forbids (its Char production): C0 controls other than tab, line feed and
 * carriage return, lone surrogates, and U+FFFE and U+FFFF. One of them in a Word file makes
 * Word refuse the whole document, so every document writer drops them here, in one place.
 * DEL and the C1 controls are allowed by XML 1.0 and are left alone.
 */
const FORBIDDEN = /(?![\t\n\r\u007f-\u009f])\p{Cc}|[\ufffe\uffff]|\p{Cs}/gu; // with u, \p{Cs} is only a lone surrogate

export const withoutForbiddenCharacters = (text: string): string => text.replace(FORBIDDEN, '');

const runs = (rs: readonly TextRun[]): TextRun[] => rs.map((r) => ({ ...r, text: withoutForbiddenCharacters(r.text) }));
const all = (xs: readonly string[]): string[] => xs.map(withoutForbiddenCharacters);

function block(b: Block): Block {
  switch (b.kind) {
    case 'heading':
    case 'quote':
      return { ...b, text: withoutForbiddenCharacters(b.text) };
    case 'paragraph':
      return { ...b, runs: runs(b.runs) };
    case 'fields':
      return {
        ...b,
        rows: b.rows.map((r) => ({
          label: withoutForbiddenCharacters(r.label),
          value: withoutForbiddenCharacters(r.value),
        })),
      };
    case 'list':
      return { ...b, items: b.items.map(runs) };
    case 'table':
      return { ...b, header: all(b.header), rows: b.rows.map(all) };
  }
}

/** The document with every piece of text cleaned; renderers call it before writing anything. */
export function cleanDocument(doc: ExportDocument): ExportDocument {
  return {
    ...doc,
    title: withoutForbiddenCharacters(doc.title),
    ...(doc.subtitle !== undefined ? { subtitle: withoutForbiddenCharacters(doc.subtitle) } : {}),
    blocks: doc.blocks.map(block),
  };
}
