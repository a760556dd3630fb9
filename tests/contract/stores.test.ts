import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TableRecordStore } from '../../src/adapters/azure-tables/table-store';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { RoutedStore } from '../../src/adapters/routed-store';
import { CallQueue } from '../../src/adapters/sharepoint/call-queue';
import { SharePointListItems } from '../../src/adapters/sharepoint/sharepoint-list-items';
import { SplitRecords } from '../../src/adapters/sharepoint/split-records';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { freshTableName, startAzurite } from '../fixtures/azurite';
import type { Azurite } from '../fixtures/azurite';
import { FakeGraph } from '../fakes/fake-graph/fake-graph-server';
import { graphOnFake, sharePointStoreOnFake } from '../fakes/fake-graph/sharepoint-on-fake';
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

/**
 * Records split into parts at a few characters, so every record of the contract is kept as
 * several items: the split must keep every promise of the port (eTags, creates, finds).
 */
recordStoreContract('split records over SQLite (parts of 16 characters)', async () => {
  const sqlite = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-c-')), 'store.db'));
  return new SplitRecords(sqlite, { maxChars: 16, maxParts: 64 });
});
recordStoreContract('split records on a SharePoint list (fake Graph, parts of 24 characters)', async () => {
  const fake = await FakeGraph.start();
  fakes.push(fake);
  await sharePointStoreOnFake(fake); // provisions the site
  const graph = graphOnFake(fake);
  const items = new SharePointListItems(new CallQueue(graph.http, graph.throttle), fake.lists.siteId);
  return new SplitRecords(items, { maxChars: 24, maxParts: 64 });
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
      'sharepoint/sharepoint-list-items.ts',
      'sharepoint/split-records.ts',
      'sqlite/sqlite-store.ts',
    ]);
  });
});
