import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { ArchivedDocument } from '../../../src/app/archive/archive-records';
import { archivedDocument, contentVersion, libraryUrl, rememberSaved } from '../../../src/app/archive/archive-records';

const saved = (over: Partial<ArchivedDocument>): ArchivedDocument => ({
  kind: 'minutes',
  subjectId: 'M4TQ2',
  version: '1',
  path: 'Protokoller/2026/x-v1.docx',
  url: 'https://contoso.sharepoint.com/sites/samrad/Shared%20Documents/Protokoller/2026/x-v1.docx',
  size: 10,
  savedAt: '2026-12-15T10:00:00.000Z',
  ...over,
});

describe('the record of what is saved in the library', () => {
  it('links to a web address only: a file on the server opens nothing in Teams', async () => {
    const store = new MemoryStore();
    expect(await libraryUrl(store, 'minutes', 'M4TQ2')).toBeUndefined();
    await rememberSaved(store, saved({ url: 'file:///srv/samrad/documents/Protokoller/2026/x-v1.docx' }));
    expect(await libraryUrl(store, 'minutes', 'M4TQ2')).toBeUndefined();
    await rememberSaved(store, saved({}));
    expect(await libraryUrl(store, 'minutes', 'M4TQ2')).toBe(saved({}).url);
    expect(await libraryUrl(store, 'basis-document', 'M4TQ2')).toBeUndefined();
  });

  it('a minutes version that finished late never replaces a later one', async () => {
    const store = new MemoryStore();
    await rememberSaved(store, saved({ version: '2', path: 'v2' }));
    await rememberSaved(store, saved({ version: '1', path: 'v1' }));
    expect((await archivedDocument(store, 'minutes', 'M4TQ2'))?.path).toBe('v2');
    await rememberSaved(store, saved({ version: '3', path: 'v3' }));
    expect((await archivedDocument(store, 'minutes', 'M4TQ2'))?.path).toBe('v3');
  });

  it('the same content has the same version, changed content another', () => {
    expect(contentVersion({ a: 1 }, [2])).toBe(contentVersion({ a: 1 }, [2]));
    expect(contentVersion({ a: 1 }, [2])).not.toBe(contentVersion({ a: 1 }, [3]));
  });
});
