import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { RECORD_PARTS, SplitRecords, cut } from '../../src/adapters/sharepoint/split-records';
import type { ListName, StoredRecord } from '../../src/ports/record-store';
import { isStoreError } from '../../src/ports/record-store';

const limits = { maxChars: 100, maxParts: 8 };
const long = (n: number) => ({ kind: 'box', text: 'æ"\\\n😀'.repeat(n) });

describe('cutting a record into parts', () => {
  it('gives pieces whose JSON fits the budget, that join to the text, with no surrogate pair cut', () => {
    const text = JSON.stringify(long(200));
    const pieces = cut(text, 50);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) {
      expect(JSON.stringify(p).length - 2).toBeLessThanOrEqual(50);
      expect(p.charCodeAt(p.length - 1) >= 0xd800 && p.charCodeAt(p.length - 1) <= 0xdbff).toBe(false);
    }
    // Escaped characters take two or more: more pieces than the text's length alone asks for.
    expect(pieces.length).toBeGreaterThan(Math.ceil(text.length / 50));
  });
});

describe('records kept as parts', () => {
  it('stores a small record as it is and a large one as parts, read back whole and found by its short fields', async () => {
    const inner = new MemoryStore();
    const store = new SplitRecords(inner, limits);
    await store.create('boxes', 'small', { kind: 'box', text: 'kort' });
    await store.create('boxes', 'large', long(40));
    expect((await inner.get('boxes', 'small'))?.value).toEqual({ kind: 'box', text: 'kort' });
    expect((await inner.find(RECORD_PARTS)).length).toBeGreaterThan(1);
    expect((await store.get('boxes', 'large'))?.value).toEqual(long(40));
    expect((await store.find('boxes', { kind: 'box' })).map((r) => r.id)).toEqual(['small', 'large']);
    expect(await store.find('boxes', { text: long(40).text })).toHaveLength(1);
  });

  it('a replace removes the parts of what it replaced, a remove its own', async () => {
    const inner = new MemoryStore();
    const store = new SplitRecords(inner, limits);
    const first = await store.create('boxes', 'b', long(40));
    const before = (await inner.find(RECORD_PARTS)).map((p) => p.id);
    await store.replace('boxes', 'b', long(41), first.etag);
    const after = (await inner.find(RECORD_PARTS)).map((p) => p.id);
    expect(after.some((id) => before.includes(id))).toBe(false);
    await store.remove('boxes', 'b');
    expect(await inner.find(RECORD_PARTS)).toEqual([]);
  });

  it('of two writers with one eTag, one wins; the loser is told and leaves no parts behind', async () => {
    const inner = new MemoryStore();
    const [a, b] = [new SplitRecords(inner, limits), new SplitRecords(inner, limits)];
    const made = await a.create('boxes', 'b', long(40));
    await b.get('boxes', 'b');
    const results = await Promise.allSettled([
      a.replace('boxes', 'b', long(41), made.etag),
      b.replace('boxes', 'b', long(42), made.etag),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected')!;
    expect(isStoreError(lost.reason, 'STORE.PRECONDITION_FAILED')).toBe(true);
    const current = await inner.get<{ $parts: string[] }>('boxes', 'b');
    expect((await inner.find(RECORD_PARTS)).map((p) => p.id).sort()).toEqual([...current!.value.$parts].sort());
  });

  it('a reader that meets a part a newer write has just removed reads the record again', async () => {
    const inner = new MemoryStore();
    const writer = new SplitRecords(inner, limits);
    let made = await writer.create('boxes', 'b', long(40));
    let raced = false;
    // The first part read is preceded by another instance's replace, which removes the old parts.
    const racing = Object.assign(Object.create(inner) as MemoryStore, {
      get: async <T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> => {
        if (list === RECORD_PARTS && !raced) {
          raced = true;
          made = await writer.replace('boxes', 'b', long(41), made.etag);
        }
        return inner.get<T>(list, id);
      },
    });
    expect((await new SplitRecords(racing, limits).get('boxes', 'b'))?.value).toEqual(long(41));
    expect(raced).toBe(true);
  });

  it('a record needing more parts than allowed is STORE.TOO_LARGE and writes nothing', async () => {
    const inner = new MemoryStore();
    const error = await new SplitRecords(inner, limits).create('boxes', 'b', long(400)).catch((e: unknown) => e);
    expect(isStoreError(error, 'STORE.TOO_LARGE')).toBe(true);
    expect(await inner.find(RECORD_PARTS)).toEqual([]);
    expect(await inner.get('boxes', 'b')).toBeUndefined();
  });
});
