import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { cleanDocument } from '../../app/exports/document-text';
import type { Block, DocumentRenderer, ExportDocument, TextRun as Run } from '../../ports/documents';

/*
 * Word documents with the `docx` package. Vendor types stay in this file: the rest of the
 * product hands over an ExportDocument and gets bytes back. Text is tagged with the document's
 * language, so Word checks Norwegian spelling and hyphenates Norwegian words.
 */

const LABEL_WIDTH = 1800; // twips: "Forfall:" and "Sted:" line up, values wrap under each other
const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A newline inside a run is a line break in the same paragraph. */
function runs(r: Run): TextRun[] {
  return r.text.split('\n').map((text, k) => {
    // Typed as run options: TextRun also takes a string, whose (deprecated) bold() the checker would otherwise see.
    const options: IRunOptions = {
      text,
      bold: r.bold ?? false,
      italics: r.italic ?? false,
      ...(k > 0 ? { break: 1 } : {}),
    };
    return new TextRun(options);
  });
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const numeric = new Set(b.numeric ?? []);
  const cell = (text: string, k: number, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: numeric.has(k) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: runs({ text, bold: header }),
        }),
      ],
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, k) => cell(h, k, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, k) => cell(c, k, false)) })),
    ],
  });
}

function blocks(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[b.level], keepNext: true, children: runs({ text: b.text }) })];
    case 'paragraph':
      return [new Paragraph({ children: b.runs.flatMap(runs) })];
    case 'quote':
      return [
        new Paragraph({
          indent: { left: 567 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'A6A6A6', space: 8 } },
          children: runs({ text: b.text }),
        }),
      ];
    case 'fields':
      return b.rows.map(
        (r) =>
          new Paragraph({
            tabStops: [{ type: TabStopType.LEFT, position: LABEL_WIDTH }],
            indent: { left: LABEL_WIDTH, hanging: LABEL_WIDTH },
            spacing: { after: 60 },
            children: [
              ...runs({ text: `${r.label}:`, bold: true }),
              new TextRun({ children: [new Tab()] }),
              ...runs({ text: r.value }),
            ],
          }),
      );
    case 'list':
      return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: item.flatMap(runs) }));
    case 'table':
      // Word runs two adjacent tables together; an empty paragraph after each keeps them apart.
      return [table(b), new Paragraph({})];
  }
}

/** Text goes in cleaned of what XML 1.0 forbids: one such character and Word refuses the file. */
export function docxDocument(source: ExportDocument): Document {
  const doc = cleanDocument(source);
  const language = { value: doc.locale === 'nb' ? 'nb-NO' : 'en-GB' };
  return new Document({
    creator: 'Samråd',
    title: doc.subtitle ? `${doc.title} \u2013 ${doc.subtitle}` : doc.title,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: {
          run: { font: 'Calibri', size: 40, bold: true, color: '1F3864' },
          paragraph: { spacing: { after: 60 } },
        },
        heading1: {
          run: { font: 'Calibri', size: 32, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading2: {
          run: { font: 'Calibri', size: 28, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading3: {
          run: { font: 'Calibri', size: 24, bold: true, color: '2F5496' },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
      },
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs({ text: doc.title }) }),
          ...(doc.subtitle
            ? [
                new Paragraph({
                  spacing: { after: 240 },
                  children: [new TextRun({ text: doc.subtitle, size: 28, color: '595959' })],
                }),
              ]
            : []),
          ...doc.blocks.flatMap(blocks),
        ],
      },
    ],
  });
}

export const renderDocx = (doc: ExportDocument): Promise<Buffer> => Packer.toBuffer(docxDocument(doc));

export const docxRenderer: DocumentRenderer = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  render: renderDocx,
};
