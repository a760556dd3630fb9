import { TableClient } from '@azure/data-tables';
import { beforeAll, describe, expect, it } from 'vitest';
import { TableRecordStore } from '../../src/adapters/azure-tables/table-store';
import { isPermanentStoreError, isStoreError } from '../../src/ports/record-store';
import type { Azurite } from '../fixtures/azurite';
import { freshTableName, startAzurite } from '../fixtures/azurite';

/**
 * Table Storage's limits, written here from Microsoft's "Understanding the Table service data
 * model" (Azure Storage REST reference), never from the product: an entity holds at most 252
 * properties of its own and 1 MiB in all (size: 4 bytes + (PartitionKey + RowKey) × 2 bytes,
 * and per property 8 bytes + name × 2 bytes + its value, a string being 4 + characters × 2);
 * a string property at most 64 KiB; PartitionKey and RowKey at most 1 KiB each and without
 * `/`, `\`, `#`, `?` or control characters (U+0000–U+001F, U+007F–U+009F).
 */
const LIMITS = { entityBytes: 1024 * 1024, properties: 252, stringBytes: 64 * 1024, keyBytes: 1024 } as const;
const FORBIDDEN_IN_KEYS = /[/\\#?\p{Cc}]/u; // \p{Cc}: U+0000-001F and U+007F-009F

function entityBytes(entity: Record<string, unknown>): number {
  let size = 4 + (String(entity.partitionKey).length + String(entity.rowKey).length) * 2;
  for (const [name, value] of Object.entries(entity)) {
    if (['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.metadata'].includes(name)) continue;
    const bytes = typeof value === 'string' ? 4 + value.length * 2 : typeof value === 'boolean' ? 1 : 8;
    size += 8 + name.length * 2 + bytes;
  }
  return size;
}

/** Counts, per query, the entities Table Storage sent back: to show a query reads no more than it needs. */
function counting(client: TableClient): { client: TableClient; read: { filter: string; entities: number }[] } {
  const read: { filter: string; entities: number }[] = [];
  const listEntities = client.listEntities.bind(client);
  const spied = Object.create(client) as TableClient;
  spied.listEntities = ((options?: { queryOptions?: { filter?: string } }) => {
    const entry = { filter: options?.queryOptions?.filter ?? '', entities: 0 };
    read.push(entry);
    const inner = listEntities(options as never);
    return {
      async *[Symbol.asyncIterator]() {
        for await (const e of inner) {
          entry.entities++;
          yield e;
        }
      },
    };
  }) as never;
  return { client: spied, read };
}

describe('the Table Storage store on Azurite', { timeout: 60_000 }, () => {
  let azurite: Azurite;
  // What beforeAll returns vitest runs after the suite, and only when the start succeeded.
  beforeAll(async () => {
    azurite = await startAzurite();
    return () => azurite.stop();
  }, 60_000);

  it("answers the runner's due-job query from the pending jobs' index rows alone, however many jobs are done", async () => {
    const { client, read } = counting(azurite.client(freshTableName()));
    const store = new TableRecordStore(client);
    for (let i = 0; i < 120; i++) await store.create('jobs', `done-${i}`, { state: 'done', finishedDay: '2026-09-03' });
    for (let i = 0; i < 3; i++)
      await store.create('jobs', `due-${i}`, { state: 'pending', dueAt: '2026-09-04T08:00:00.000Z' });
    read.length = 0;
    const pending = await store.find<{ state: string }>('jobs', { state: 'pending' });
    expect(pending.map((r) => r.id).sort()).toEqual(['due-0', 'due-1', 'due-2']);
    expect(read).toHaveLength(1);
    expect(read[0]!.filter).toMatch(
      /^PartitionKey eq 'jobs' and RowKey ge 'i:state:spending:' and RowKey lt 'i:state:spending;'$/,
    );
    expect(read[0]!.entities).toBe(3);
  });

  it('keeps the index in step with the record as a job moves from state to state', async () => {
    const store = new TableRecordStore(azurite.client(freshTableName()));
    const created = await store.create('jobs', 'j', { state: 'pending' });
    const claimed = await store.replace('jobs', 'j', { state: 'claimed' }, created.etag);
    expect(await store.find('jobs', { state: 'pending' })).toEqual([]);
    const [found] = await store.find('jobs', { state: 'claimed' });
    // The index row's copy carries the record's own eTag: a claim from it is a valid If-Match.
    expect(found?.etag).toBe(claimed.etag);
    const done = await store.replace('jobs', 'j', { state: 'done', finishedDay: '2026-09-03' }, found!.etag);
    expect((await store.find('jobs', { finishedDay: '2026-09-03' })).map((r) => r.etag)).toEqual([done.etag]);
    await store.remove('jobs', 'j', done.etag);
    expect(await store.find('jobs', { state: 'done' })).toEqual([]);
    expect(await store.find('jobs')).toEqual([]);
  });

  it('stores a large value and a long id with forbidden characters within every entity limit', async () => {
    const table = freshTableName();
    const store = new TableRecordStore(azurite.client(table));
    const id = `update:19:${'a/b\\c#d?e'.repeat(60)}:${'ø'.repeat(300)}`;
    const value = { state: 'pending', text: 'Høring om «Nore og Uvdal» – '.repeat(9_000) };
    expect(JSON.stringify(value).length).toBeGreaterThan(LIMITS.stringBytes);
    await store.create('jobs', id, value);
    expect((await store.get<typeof value>('jobs', id))?.value).toEqual(value);
    expect((await store.find('jobs', { state: 'pending' })).map((r) => r.id)).toEqual([id]);
    const entities: Record<string, unknown>[] = [];
    for await (const e of azurite.client(table).listEntities()) entities.push(e);
    expect(entities).toHaveLength(2); // the record and its one index row
    for (const e of entities) {
      expect(entityBytes(e)).toBeLessThanOrEqual(LIMITS.entityBytes);
      expect(
        Object.keys(e).filter((k) => !['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.metadata'].includes(k))
          .length,
      ).toBeLessThanOrEqual(LIMITS.properties);
      for (const v of Object.values(e))
        if (typeof v === 'string') expect(v.length * 2).toBeLessThanOrEqual(LIMITS.stringBytes);
      for (const key of [String(e.partitionKey), String(e.rowKey)]) {
        expect(key.length * 2).toBeLessThanOrEqual(LIMITS.keyBytes);
        expect(key).not.toMatch(FORBIDDEN_IN_KEYS);
      }
    }
  });

  it('refuses a record larger than one entity holds with a permanent error, and writes nothing', async () => {
    const table = freshTableName();
    const store = new TableRecordStore(azurite.client(table));
    const value = { state: 'pending', text: 'x'.repeat(LIMITS.entityBytes / 2 + 1) };
    const error = await store.create('jobs', 'big', value).catch((e: unknown) => e);
    expect(isStoreError(error, 'STORE.TOO_LARGE')).toBe(true);
    expect(isPermanentStoreError(error)).toBe(true);
    const small = await store.create('jobs', 'small', { state: 'pending' });
    const replaced = await store.replace('jobs', 'small', value, small.etag).catch((e: unknown) => e);
    expect(isStoreError(replaced, 'STORE.TOO_LARGE')).toBe(true);
    expect((await store.get('jobs', 'small'))?.value).toEqual({ state: 'pending' });
    expect(await store.get('jobs', 'big')).toBeUndefined();
  });

  it('reads a record half removed (the process died between the two steps) as missing, and lets it be created again', async () => {
    const raw = azurite.client(freshTableName());
    const dying = Object.create(raw) as TableClient;
    dying.deleteEntity = async () => {
      throw new Error('the process stopped here');
    };
    const first = new TableRecordStore(dying);
    const job = await first.create('jobs', 'j', { state: 'done' });
    await first.remove('jobs', 'j', job.etag);
    const after = new TableRecordStore(raw);
    expect(await after.get('jobs', 'j')).toBeUndefined();
    expect(await after.find('jobs')).toEqual([]);
    expect(await after.find('jobs', { state: 'done' })).toEqual([]);
    const again = await after.create('jobs', 'j', { state: 'pending' });
    expect((await after.find('jobs', { state: 'pending' })).map((r) => r.etag)).toEqual([again.etag]);
    expect(
      isStoreError(
        await after.create('jobs', 'j', { state: 'pending' }).catch((e: unknown) => e),
        'STORE.ALREADY_EXISTS',
      ),
    ).toBe(true);
  });

  it('reports a store it cannot reach as unavailable (a retry may work), not as a refusal', async () => {
    const store = new TableRecordStore(
      TableClient.fromConnectionString(azurite.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9'), 'nowhere', {
        allowInsecureConnection: true,
        retryOptions: { maxRetries: 0 },
      }),
    );
    const error = await store.get('jobs', 'x').catch((e: unknown) => e);
    expect(isStoreError(error, 'STORE.UNAVAILABLE')).toBe(true);
    expect(isPermanentStoreError(error)).toBe(false);
  });
});
