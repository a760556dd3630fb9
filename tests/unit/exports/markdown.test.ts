import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownRenderer, renderMarkdown } from '../../../src/app/exports/markdown';
import type { ExportDocument } from '../../../src/ports/documents';

const doc = (blocks: ExportDocument['blocks']): ExportDocument => ({ title: 'T', locale: 'nb', blocks });

describe('Markdown rendering', () => {
  it('escapes what would become markup, and line starts only where a line starts', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e) <f> | g & h')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\| g \\& h');
    expect(escapeMarkdown('# ikke overskrift\n- ikke punkt\n2. ikke nummer')).toBe(
      '\\# ikke overskrift\n\\- ikke punkt\n2\\. ikke nummer',
    );
    expect(escapeMarkdown('21.04.2026', false)).toBe('21.04.2026');
    expect(escapeMarkdown('21.04.2026\n1. punkt', false)).toBe('21.04.2026\n1\\. punkt');
  });

  it('keeps bold tight around its words and turns a newline into a hard break', () => {
    const md = renderMarkdown(
      doc([{ kind: 'paragraph', runs: [{ text: 'Vedtak: ', bold: true }, { text: 'første\nandre' }] }]),
    );
    expect(md).toBe('# T\n\n**Vedtak:** første\\\nandre\n');
  });

  it('indents a list item’s second line so it stays in the item', () => {
    const md = renderMarkdown(
      doc([{ kind: 'list', items: [[{ text: 'Hole', bold: true }, { text: ' – Mot\n«tekst»' }]] }]),
    );
    expect(md).toBe('# T\n\n- **Hole** – Mot\\\n  «tekst»\n');
  });

  it('keeps a table a table: pipes escaped, line breaks flattened, numbers right-aligned', () => {
    const md = renderMarkdown(
      doc([{ kind: 'table', header: ['Navn', 'Antall'], rows: [['a | b\nc', '3']], numeric: [1] }]),
    );
    expect(md).toBe('# T\n\n| Navn | Antall |\n| --- | ---: |\n| a \\| b c | 3 |\n');
  });

  it('quotes every line of a quotation', () => {
    expect(renderMarkdown(doc([{ kind: 'quote', text: '«1. a\n\n2. b»' }]))).toBe('# T\n\n> «1. a\n>\n> 2\\. b»\n');
  });

  it('is a document renderer that gives UTF-8 bytes', async () => {
    const bytes = await markdownRenderer.render(doc([{ kind: 'heading', level: 2, text: 'Sak 6/2026 Økonomi' }]));
    expect(bytes.toString('utf8')).toBe('# T\n\n## Sak 6/2026 Økonomi\n');
    expect(markdownRenderer.extension).toBe('md');
  });
});
