import type { Block, DocumentRenderer, ExportDocument, TextRun } from '../../ports/documents';
import { cleanDocument } from './document-text';

/*
 * CommonMark for an export. Everything people wrote (titles, input, decisions) is escaped, so a
 * "1." or "*" in a decision stays text and a "|" in an input does not break the table.
 */

const HARD_BREAK = '\\\n';

/**
 * Escapes the characters that mean something to Markdown, and at the start of a line the ones
 * that would begin a heading, list or quote there. `atLineStart` is false for text that follows
 * other text on its first line ("**Frist:** 21.04.2026" needs no escape).
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .split('\n')
    .map((line, k) =>
      k === 0 && !atLineStart ? line : line.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

const breaks = (text: string, indent = ''): string => text.split('\n').join(`${HARD_BREAK}${indent}`);

/** Emphasis markers hug the text: "**Tid:** x", never "**Tid: **x", which CommonMark would not bold. */
function inline(runs: readonly TextRun[], indent = ''): string {
  return runs
    .map((r, k) => {
      const marker = r.bold ? '**' : r.italic ? '*' : '';
      const [, lead = '', body = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text) ?? [];
      const text = body === '' ? '' : `${marker}${escapeMarkdown(body, k === 0 || lead.includes('\n'))}${marker}`;
      return breaks(`${lead}${text}${trail}`, indent);
    })
    .join('');
}

const cell = (text: string): string => escapeMarkdown(text.replace(/\s*\n\s*/g, ' '), false);

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return inline(b.runs);
    case 'quote':
      return escapeMarkdown(b.text)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'fields':
      return b.rows.map((r) => `**${escapeMarkdown(r.label)}:** ${escapeMarkdown(r.value, false)}`).join(HARD_BREAK);
    case 'list':
      return b.items.map((runs) => `- ${inline(runs, '  ')}`).join('\n');
    case 'table': {
      const numeric = new Set(b.numeric ?? []);
      const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
      return [
        row(b.header),
        `| ${b.header.map((_, k) => (numeric.has(k) ? '---:' : '---')).join(' | ')} |`,
        ...b.rows.map(row),
      ].join('\n');
    }
  }
}

export function renderMarkdown(source: ExportDocument): string {
  // The same text as the Word file: a control character helps no reader of a .md either.
  const doc = cleanDocument(source);
  const head = [`# ${escapeMarkdown(doc.title)}`, ...(doc.subtitle ? [escapeMarkdown(doc.subtitle)] : [])];
  return `${[...head, ...doc.blocks.map(block)].join('\n\n')}\n`;
}

export const markdownRenderer: DocumentRenderer = {
  mediaType: 'text/markdown; charset=utf-8',
  extension: 'md',
  render: (doc) => Promise.resolve(Buffer.from(renderMarkdown(doc), 'utf8')),
};
