import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { FakeGraph } from '../fakes/fake-graph/fake-graph-server';
import { sharePointStoreOnFake } from '../fakes/fake-graph/sharepoint-on-fake';
import { adaptersImplementing } from './adapters-under-contract';
import { recordStoreContract } from './record-store.contract';

recordStoreContract('SQLite file', async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-c-')), 'store.db')));
recordStoreContract('memory', async () => new MemoryStore());

const fakes: FakeGraph[] = [];
afterAll(async () => Promise.all(fakes.map((f) => f.close())));
/** A fresh fake Graph (a fresh site) per test, over real HTTP. */
recordStoreContract('SharePoint list through Graph (fake Graph)', async () => {
  const fake = await FakeGraph.start();
  fakes.push(fake);
  return sharePointStoreOnFake(fake);
});

describe('the store contract', () => {
  it('runs against every store adapter there is', () => {
    expect(adaptersImplementing('RecordStore')).toEqual(['memory/memory-store.ts', 'sharepoint/sharepoint-store.ts', 'sqlite/sqlite-store.ts']);
  });
});
