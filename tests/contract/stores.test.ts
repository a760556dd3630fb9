import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { recordStoreContract } from './record-store.contract';

recordStoreContract('SQLite file', async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-c-')), 'store.db')));
recordStoreContract('memory', async () => new MemoryStore());
