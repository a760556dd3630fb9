import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordStore } from '../../src/ports/record-store';
import { isStoreError, upsert } from '../../src/ports/record-store';

/** What every store adapter must do; SQLite, memory and (later) SharePoint lists run this same suite. */
export function recordStoreContract(
  name: string,
  open: () => Promise<RecordStore>,
  options: { readonly timeoutMs?: number } = {},
): void {
  // A store over the network (Azurite) gets more time for the racing tests: each conflict is a round trip.
  describe(
    `RecordStore contract: ${name}`,
    { ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }) },
    () => {
      let store: RecordStore;
      beforeEach(async () => {
        store = await open();
      });
      afterEach(async () => store.close());

      it('creates and reads back a record with an eTag', async () => {
        const created = await store.create('things', 'a', { n: 1, name: 'Gol' });
        expect(created.etag).toBeTruthy();
        const read = await store.get<{ n: number; name: string }>('things', 'a');
        expect(read?.value).toEqual({ n: 1, name: 'Gol' });
        expect(read?.etag).toBe(created.etag);
      });

      it('returns undefined for a missing record and keeps lists apart', async () => {
        await store.create('things', 'a', { n: 1 });
        expect(await store.get('things', 'b')).toBeUndefined();
        expect(await store.get('others', 'a')).toBeUndefined();
      });

      it('refuses a second create with the same id (ids are idempotency keys)', async () => {
        await store.create('things', 'a', { n: 1 });
        const error = await store.create('things', 'a', { n: 2 }).catch((e: unknown) => e);
        expect(isStoreError(error, 'STORE.ALREADY_EXISTS')).toBe(true);
        expect((await store.get<{ n: number }>('things', 'a'))?.value.n).toBe(1);
      });

      it('replaces with the current eTag and gives a new one', async () => {
        const v1 = await store.create('things', 'a', { n: 1 });
        const v2 = await store.replace('things', 'a', { n: 2 }, v1.etag);
        expect(v2.etag).not.toBe(v1.etag);
        expect((await store.get<{ n: number }>('things', 'a'))?.value.n).toBe(2);
      });

      it('refuses a replace with a stale eTag and keeps the newer value', async () => {
        const v1 = await store.create('things', 'a', { n: 1 });
        await store.replace('things', 'a', { n: 2 }, v1.etag);
        const error = await store.replace('things', 'a', { n: 3 }, v1.etag).catch((e: unknown) => e);
        expect(isStoreError(error, 'STORE.PRECONDITION_FAILED')).toBe(true);
        expect((await store.get<{ n: number }>('things', 'a'))?.value.n).toBe(2);
      });

      it('reports a replace of a missing record as not found', async () => {
        const error = await store.replace('things', 'nope', { n: 1 }, '"1"').catch((e: unknown) => e);
        expect(isStoreError(error, 'STORE.NOT_FOUND')).toBe(true);
      });

      it('finds by equality on fields, including booleans and null', async () => {
        await store.create('conv', '1', { kind: 'channel', installed: true, teamId: 't' });
        await store.create('conv', '2', { kind: 'personal', installed: true, teamId: null });
        await store.create('conv', '3', { kind: 'channel', installed: false, teamId: 't' });
        const ids = async (where: Record<string, string | boolean | null>) =>
          (await store.find('conv', where)).map((r) => r.id).sort();
        expect(await ids({ kind: 'channel' })).toEqual(['1', '3']);
        expect(await ids({ kind: 'channel', installed: true })).toEqual(['1']);
        expect(await ids({ teamId: null })).toEqual(['2']);
        expect(await ids({})).toEqual(['1', '2', '3']);
      });

      it('removes, with and without an eTag check', async () => {
        const a = await store.create('things', 'a', { n: 1 });
        await store.create('things', 'b', { n: 1 });
        const stale = await store.remove('things', 'a', '"stale"').catch((e: unknown) => e);
        expect(isStoreError(stale, 'STORE.PRECONDITION_FAILED')).toBe(true);
        await store.remove('things', 'a', a.etag);
        await store.remove('things', 'b');
        expect(await store.find('things')).toEqual([]);
      });

      it('lets exactly one of many concurrent writers with the same eTag win', async () => {
        const v1 = await store.create('things', 'a', { n: 0 });
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.replace('things', 'a', { n: i + 1 }, v1.etag)),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      });

      it('upsert re-reads and reapplies on a conflict, so no increment is lost', async () => {
        await store.create('counters', 'c', { n: 0 });
        await Promise.all(
          Array.from({ length: 20 }, () =>
            upsert<{ n: number }>(store, 'counters', 'c', (v) => ({ n: (v?.n ?? 0) + 1 }), 50),
          ),
        );
        expect((await store.get<{ n: number }>('counters', 'c'))?.value.n).toBe(20);
      });

      it('keeps text in any language intact', async () => {
        await store.create('things', 'æøå', { text: 'Høring om «Nore og Uvdal» – 😀' });
        expect((await store.get<{ text: string }>('things', 'æøå'))?.value.text).toBe('Høring om «Nore og Uvdal» – 😀');
      });
    },
  );
}
