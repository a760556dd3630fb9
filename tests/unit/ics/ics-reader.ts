/**
 * A tiny, deliberately independent reader of iCalendar text for the tests: unfolds, splits
 * content lines into name, parameters and value, and unescapes TEXT. Strict where the writer
 * must be: it throws on a bare LF or a line that does not end with CRLF.
 */
export interface IcsProperty {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  readonly value: string;
}

export function physicalLines(ics: string): string[] {
  if (!ics.endsWith('\r\n')) throw new Error('the text does not end with CRLF');
  if (/[^\r]\n/.test(ics) || /\r[^\n]/.test(ics)) throw new Error('a line break is not CRLF');
  return ics.slice(0, -2).split('\r\n');
}

export function unfold(ics: string): string[] {
  const lines: string[] = [];
  for (const line of physicalLines(ics)) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      const last = lines.pop();
      if (last === undefined) throw new Error('a continuation line comes first');
      lines.push(last + line.slice(1));
    } else lines.push(line);
  }
  return lines;
}

/** Splits at the first colon outside double quotes. */
export function parseLine(line: string): IcsProperty {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) throw new Error(`no value in: ${line}`);
  const [name, ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    params[p.slice(0, eq)] = p.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return { name: name!, params, value: line.slice(colon + 1) };
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  const parts: string[] = [''];
  let quoted = false;
  for (const c of s) {
    if (c === '"') quoted = !quoted;
    if (c === sep && !quoted) parts.push('');
    else parts.push(parts.pop()! + c); // parts starts with one and never shrinks
  }
  return parts;
}

export const unescapeText = (v: string): string =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

export const readIcs = (ics: string): IcsProperty[] => unfold(ics).map(parseLine);

/** The properties of the first component with that name (VEVENT, VTIMEZONE, DAYLIGHT...). */
export function component(props: readonly IcsProperty[], name: string): IcsProperty[] {
  const begin = props.findIndex((p) => p.name === 'BEGIN' && p.value === name);
  const end = props.findIndex((p, i) => i > begin && p.name === 'END' && p.value === name);
  if (begin < 0 || end < 0) throw new Error(`no ${name}`);
  return props.slice(begin + 1, end);
}

export const prop = (props: readonly IcsProperty[], name: string): IcsProperty | undefined =>
  props.find((p) => p.name === name);
export const props = (all: readonly IcsProperty[], name: string): IcsProperty[] => all.filter((p) => p.name === name);
