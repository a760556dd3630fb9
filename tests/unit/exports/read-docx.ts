import { inflateRawSync } from 'node:zlib';

/**
 * A minimal zip reader for tests: reads the central directory at the end of the file and
 * inflates each entry, checking its size. Enough for what Word writes and `docx` produces.
 */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let k = 0; k < entries; k++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + packed);
    const content = method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : undefined;
    if (!content) throw new Error(`${name}: compression method ${method} not supported`);
    if (content.length !== size) throw new Error(`${name}: ${content.length} bytes, expected ${size}`);
    files.set(name, content);
    at += 46 + skip;
  }
  return files;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]!);

export interface DocxParagraph {
  /** The paragraph style: "Heading2", "Title", or "" for body text. */
  readonly style: string;
  /** Its text, with line breaks as "\n" and tabs as "\t". */
  readonly text: string;
  readonly inTable: boolean;
}

/** The paragraphs of word/document.xml in document order. */
export function paragraphs(documentXml: string): DocxParagraph[] {
  const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(
    (m) => [m.index, m.index + m[0].length] as const,
  );
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((r) => (r[0] === '<w:br/>' ? '\n' : r[0] === '<w:tab/>' ? '\t' : decode(r[1] ?? '')))
      .join(''),
    inTable: tables.some(([from, to]) => m.index >= from && m.index < to),
  }));
}

export function documentXml(docx: Buffer): string {
  const xml = unzip(docx).get('word/document.xml');
  if (!xml) throw new Error('no word/document.xml in the file');
  return xml.toString('utf8');
}

/*
 * XML 1.0's Char production (section 2.2), written out here rather than taken from the product:
 * tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF. Character references must
 * name allowed characters too.
 */
const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
const allowedCode = (n: number): boolean =>
  n === 0x9 ||
  n === 0xa ||
  n === 0xd ||
  (n >= 0x20 && n <= 0xd7ff) ||
  (n >= 0xe000 && n <= 0xfffd) ||
  (n >= 0x10000 && n <= 0x10ffff);

/** Why this XML part is not well-formed XML 1.0 as Word reads it, or undefined when it is. */
export function strictXmlProblem(
  xml: string,
  wellFormed: (xml: string) => true | { err: { msg: string } },
): string | undefined {
  if (!XML_CHAR.test(xml)) {
    const bad = [...xml].find((c) => !XML_CHAR.test(c)) ?? '';
    return `character U+${bad.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0`;
  }
  for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const n = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
    if (!allowedCode(n)) return `character reference ${m[0]} names a character XML 1.0 forbids`;
  }
  const checked = wellFormed(xml);
  return checked === true ? undefined : checked.err.msg;
}
