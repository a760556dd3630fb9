import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLibrary, SavedDocument } from '../../ports/document-library';
import { checkDocumentPath } from '../../ports/document-library';

/** The default library: a folder on the server's disk (`SAMRAD_DOCUMENTS_DIR`). */
export class FolderDocumentLibrary implements DocumentLibrary {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async save(path: string, bytes: Buffer, _mediaType?: string): Promise<SavedDocument> {
    const file = join(this.root, ...checkDocumentPath(path));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    return { path, url: pathToFileURL(file).href, size: bytes.length };
  }
}
