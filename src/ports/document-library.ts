/**
 * Where generated files (minutes, basis documents, joint statements as DOCX) are kept for
 * people to find: a SharePoint document library, or a local folder when no tenant is set.
 */
export interface SavedDocument {
  /** The path inside the library, as given. */
  readonly path: string;
  /** Where people open it (the library's web URL, or a file URL locally). */
  readonly url: string;
  readonly size: number;
}

export interface DocumentLibrary {
  /** Saves `bytes` at `path` (`Referater/2026/styret-2026-11-20.docx`), replacing a file there. */
  save(path: string, bytes: Buffer, mediaType: string): Promise<SavedDocument>;
}

/**
 * A save the library refused for now. `LOCKED`: the file is open or checked out (SharePoint's
 * 423), so try again later, not at once; `CONFLICT`: another write to the path kept winning (409).
 */
export class DocumentSaveError extends Error {
  constructor(
    readonly code: 'DOCUMENTS.LOCKED' | 'DOCUMENTS.CONFLICT',
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${path}`, options);
    this.name = 'DocumentSaveError';
  }
}

/** Characters SharePoint and OneDrive refuse in file and folder names. */
const FORBIDDEN = /["*:<>?\\|#%]/;

/** A relative path of plain names; throws on anything that could climb out or be refused. */
export function checkDocumentPath(path: string): string[] {
  const parts = path.split('/');
  const bad = parts.find(
    (p) => p === '' || p === '.' || p === '..' || FORBIDDEN.test(p) || p !== p.trim() || p.endsWith('.'),
  );
  if (bad !== undefined || path.length > 400)
    throw new RangeError(`DOCUMENTS.BAD_PATH: not a document path: ${JSON.stringify(path)}`);
  return parts;
}
