import { createHash } from 'node:crypto';

/**
 * Keys for Azure Table Storage. PartitionKey and RowKey may not hold `/ \ # ?` or control
 * characters and are at most 1 KiB each; we keep every key to safe ASCII: letters, digits,
 * `.`, `_` and `-` as they are, anything else as `~` and four hex digits (so `~` itself is
 * escaped and the encoding is one-to-one). A part longer than `PART_MAX` keeps its start and
 * the SHA-256 of the whole after `~~`, which no plain encoding contains.
 */
const PART_MAX = 180;

export function keyPart(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const safe =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 45;
    out += safe ? text.charAt(i) : `~${c.toString(16).padStart(4, '0')}`;
  }
  if (out.length <= PART_MAX) return out;
  return `${out.slice(0, 100)}~~${createHash('sha256').update(text).digest('hex')}`;
}

/** The row of a record: `r:` and its id. */
export const recordRow = (id: string): string => `r:${keyPart(id)}`;

/** The value of an indexed field as text: its type first, so `1` and `'1'` stay apart. */
export function indexText(value: unknown): string | undefined {
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number' && Number.isFinite(value)) return `n${value}`;
  if (typeof value === 'boolean') return `b${value}`;
  return undefined;
}

/** The prefix of every index row for `field` = `value`: a range query on it finds them all. */
export const indexPrefix = (field: string, text: string): string => `i:${keyPart(field)}:${keyPart(text)}:`;

/** The end of a prefix's range: its last character moved one up (`:` becomes `;`). */
export const rangeEnd = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
