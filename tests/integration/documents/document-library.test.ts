import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderDocumentLibrary } from '../../../src/adapters/local-folder/folder-document-library';
import { DriveDocumentLibrary } from '../../../src/adapters/sharepoint/drive-document-library';
import type { DocumentLibrary } from '../../../src/ports/document-library';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x7f]); // binary, not text

let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const rejectsBadPaths = async (library: DocumentLibrary) => {
  for (const path of ['../etc/passwd', '/abs.docx', 'Referater//x.docx', 'a:b.docx', 'Referater/..'])
    await expect(library.save(path, bytes, DOCX), path).rejects.toThrow(/^DOCUMENTS.BAD_PATH/);
};

describe('documents in a SharePoint document library (fake Graph)', () => {
  it('uploads the bytes unchanged with PUT /drives/{id}/root:/{path}:/content and returns the web URL', async () => {
    fake = await FakeGraph.start({ driveId: 'b!lib' });
    const library = new DriveDocumentLibrary(graphOnFake(fake).http, 'b!lib');
    const saved = await library.save('Referater/2026/Styret 20. november.docx', bytes, DOCX);
    const file = fake.drive.files.get('Referater/2026/Styret 20. november.docx');
    expect(file?.bytes.equals(bytes)).toBe(true);
    expect(file?.contentType).toBe(DOCX);
    expect(saved).toEqual({
      path: 'Referater/2026/Styret 20. november.docx',
      size: bytes.length,
      url: expect.stringContaining('Styret%2020.%20november.docx'),
    });
    expect(
      fake.count('PUT', /^\/drives\/b!lib\/root:\/Referater\/2026\/Styret%2020\.%20november\.docx:\/content$/),
    ).toBe(1);
    await rejectsBadPaths(library);
  });

  it('reports a failed upload plainly', async () => {
    fake = await FakeGraph.start({ driveId: 'b!lib' });
    const library = new DriveDocumentLibrary(graphOnFake(fake).http, 'b!other');
    await expect(library.save('x.docx', bytes, DOCX)).rejects.toThrow(
      'DOCUMENTS.UPLOAD_FAILED: x.docx: Graph answered 404 itemNotFound',
    );
  });
});

describe('documents in a local folder (the default)', () => {
  it('writes the file under the folder and returns a file URL', async () => {
    const root = mkdtempSync(join(tmpdir(), 'samrad-docs-'));
    const library = new FolderDocumentLibrary(root);
    const saved = await library.save('Høringer/Felles uttalelse.docx', bytes, DOCX);
    expect(readFileSync(join(root, 'Høringer', 'Felles uttalelse.docx')).equals(bytes)).toBe(true);
    expect(fileURLToPath(saved.url)).toBe(join(root, 'Høringer', 'Felles uttalelse.docx'));
    await rejectsBadPaths(library);
  });
});
