/*
 * The text layer of iCalendar (RFC 5545 section 3.1 and 3.3): content lines, escaping of TEXT
 * values, quoting of parameter values, folding at 75 octets and CRLF line ends.
 */

export const CRLF = '\r\n';
const MAX_OCTETS = 75;
/** C0 and DEL, the controls RFC 5545 names (Unicode's Cc short of the C1 range, which it allows). */
const ASCII_CONTROL = /(?![\u0080-\u009f])\p{Cc}/gu;
const ASCII_CONTROL_BUT_TAB = /(?![\t\u0080-\u009f])\p{Cc}/gu;

/** TEXT values (3.3.11): backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // TEXT may not hold CONTROL (3.3.11: C0 but tab, and DEL; Unicode's Cc short of C1): stripped.
      .replace(ASCII_CONTROL_BUT_TAB, '')
  );
}

/**
 * Parameter values (3.2): quoted when they hold `:`, `;` or `,`. A double quote cannot appear
 * at all, so it becomes a single one; control characters are dropped.
 */
export function paramValue(value: string): string {
  const clean = value.replace(/"/g, "'").replace(ASCII_CONTROL, ' ');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const octets = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * Folds one content line (3.1): no physical line longer than 75 octets, continuation lines
 * begin with one space. Splits between characters, never inside a UTF-8 sequence or a
 * surrogate pair, so "ø" and emoji survive.
 */
export function foldLine(line: string): string {
  if (octets(line) <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const n = octets(char);
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export type IcsParams = Readonly<Record<string, string>>;

/** `NAME;PARAM=value:value`; the value must already be escaped for its type. */
export function contentLine(name: string, value: string, params: IcsParams = {}): string {
  const head = Object.entries(params)
    .map(([k, v]) => `;${k}=${v}`)
    .join('');
  return foldLine(`${name}${head}:${value}`);
}

/** Lines joined with CRLF, ending with one. */
export const icsDocument = (lines: readonly string[]): string => lines.join(CRLF) + CRLF;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** DATE-TIME in UTC form (3.3.5 form #2): `20261025T090000Z`. */
export function utcDateTime(instant: string): string {
  const d = new Date(instant);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/** DATE-TIME as a local time (3.3.5 form #3), used with a TZID parameter: `20261025T100000`. */
export function localDateTime(w: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}): string {
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}
