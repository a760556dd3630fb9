import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TableRecordStore } from '../../src/adapters/azure-tables/table-store';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { RoutedStore } from '../../src/adapters/routed-store';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { freshTableName, startAzurite } from '../fixtures/azurite';
import type { Azurite } from '../fixtures/azurite';
import { FakeGraph } from '../fakes/fake-graph/fake-graph-server';
import { sharePointStoreOnFake } from '../fakes/fake-graph/sharepoint-on-fake';
import { adaptersImplementing } from './adapters-under-contract';
import { recordStoreContract } from './record-store.contract';

recordStoreContract(
  'SQLite file',
  async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-c-')), 'store.db')),
);
recordStoreContract('memory', async () => new MemoryStore());

const fakes: FakeGraph[] = [];
afterAll(async () => Promise.all(fakes.map((f) => f.close())));
/** A fresh fake Graph (a fresh site) per test, over real HTTP. */
recordStoreContract('SharePoint list through Graph (fake Graph)', async () => {
  const fake = await FakeGraph.start();
  fakes.push(fake);
  return sharePointStoreOnFake(fake);
});

let azurite: Azurite | undefined;
const overNetwork = { timeoutMs: 30_000 };
afterAll(async () => azurite?.stop());
const azuriteTable = async () => (azurite ??= await startAzurite()).client(freshTableName());
/** A fresh table per test in one Azurite; `things` is indexed too, so both kinds of collection run the contract. */
recordStoreContract(
  'Azure Table Storage (Azurite)',
  async () =>
    new TableRecordStore(await azuriteTable(), { jobs: ['state'], things: ['n'], conv: ['kind', 'installed'] }),
  overNetwork,
);
recordStoreContract(
  'Azure Table Storage, no indexes (Azurite)',
  async () => new TableRecordStore(await azuriteTable(), {}),
  overNetwork,
);
/** Machinery to Tables, the rest to SQLite: the contract's lists go to both sides. */
recordStoreContract(
  'routed: Tables for machinery, SQLite for the rest',
  async () =>
    new RoutedStore(
      new TableRecordStore(await azuriteTable()),
      new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-c-')), 'store.db')),
      new Set(['things', 'counters']),
    ),
  overNetwork,
);

describe('the store contract', () => {
  it('runs against every store adapter there is', () => {
    expect(adaptersImplementing('RecordStore')).toEqual([
      'azure-tables/table-store.ts',
      'memory/memory-store.ts',
      'routed-store.ts',
      'sharepoint/sharepoint-store.ts',
      'sqlite/sqlite-store.ts',
    ]);
  });
});
