import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../src/adapters/sqlite/migrations';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { isStoreError } from '../../src/ports/record-store';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'samrad-sq-')), 'nested', 'samrad.db');

describe('SQLite store', () => {
  it('creates the folder, uses WAL and keeps data across reopening', async () => {
    const file = tempFile();
    const first = new SqliteStore(file);
    await first.create('things', 'a', { n: 1 });
    await first.close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const second = new SqliteStore(file);
    expect((await second.get<{ n: number }>('things', 'a'))?.value.n).toBe(1);
    await second.close();
  });

  it('two connections on one file (two processes) still let only one stale writer win', async () => {
    const file = tempFile();
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    const v1 = await a.create('things', 'x', { n: 0 });
    await a.replace('things', 'x', { n: 1 }, v1.etag);
    const error = await b.replace('things', 'x', { n: 2 }, v1.etag).catch((e: unknown) => e);
    expect(isStoreError(error, 'STORE.PRECONDITION_FAILED')).toBe(true);
    expect((await b.get<{ n: number }>('things', 'x'))?.value.n).toBe(1);
    await a.close();
    await b.close();
  });

  it('refuses a field name that could inject SQL', async () => {
    const store = new SqliteStore(tempFile());
    await expect(store.find('things', { "x') OR 1=1 --": 1 })).rejects.toThrow(/Not a field name/);
    await store.close();
  });
});

describe('migrations', () => {
  it('run once each, in order, and a second run applies nothing', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
  });

  it('bring an older database up to date without touching its data', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO records VALUES ('l', 'id', 1, '{\"memberId\":\"m\"}', 'c', 'm')").run();
    expect(migrate(db)).toEqual(migrations.slice(1).map((m) => m.version));
    expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 1 });
  });

  it('roll back a failing migration whole and record nothing of it', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken = { version: 999, name: 'broken', up: 'CREATE TABLE half (x); SELECT nonsense FROM nowhere;' };
    expect(() => migrate(db, [...migrations, broken])).toThrow();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({
      v: migrations.at(-1)!.version,
    });
  });
});
