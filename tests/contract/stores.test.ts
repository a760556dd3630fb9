import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { adaptersImplementing } from './adapters-under-contract';
import { recordStoreContract } from './record-store.contract';

recordStoreContract('SQLite file', async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-c-')), 'store.db')));
recordStoreContract('memory', async () => new MemoryStore());

describe('the store contract', () => {
  it('runs against every store adapter there is', () => {
    expect(adaptersImplementing('RecordStore')).toEqual(['memory/memory-store.ts', 'sqlite/sqlite-store.ts']);
  });
});
