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
  const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => [m.index, m.index + m[0].length] as const);
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
