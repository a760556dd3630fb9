/*
 * CSV as Excel opens it: UTF-8 with a byte order mark (or Norwegian letters come out garbled),
 * CRLF line ends, and every field that holds a separator, a quote or a line break quoted with
 * its quotes doubled (RFC 4180).
 */
const BOM = '\uFEFF';

export function csvField(value: string): string {
  return /[",;\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], separator = ','): Buffer {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(separator));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
