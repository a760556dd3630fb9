import type Database from 'better-sqlite3';
import type { ListName, RecordStore, StoredRecord, Where } from '../../ports/record-store';
import { StoreError } from '../../ports/record-store';
import { HISTORY_FREE_LISTS } from '../../ports/history-free';
import { findQuery } from './find-query';
import { openDatabase } from './open-database';

interface Row {
  id: string;
  version: number;
  value: string;
  created: string;
  modified: string;
}

export interface SqliteStoreOptions {
  /** Lists whose earlier versions must not survive in the file or its WAL (ports/history-free.ts). */
  readonly historyFree?: ReadonlySet<string>;
}

/**
 * The embedded store: one SQLite file in WAL mode, so several processes on one
 * machine can share it. Each write is a single statement guarded by the version,
 * which is what makes the eTag check atomic.
 *
 * No history for history-free lists: `secure_delete` zeroes the bytes of every old row
 * version and freed page, and a write to such a list is followed by a TRUNCATE checkpoint,
 * so the WAL (which otherwise holds every version of a page until a checkpoint) is emptied.
 */
export class SqliteStore implements RecordStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly historyFree: ReadonlySet<string>;
  /** A checkpoint another process's reader held up: tried again at the next write and at close. */
  private checkpointOwed = false;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.historyFree = options.historyFree ?? HISTORY_FREE_LISTS;
    this.db = openDatabase(file);
  }

  async get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> {
    const row = this.sql('SELECT id, version, value, created, modified FROM records WHERE list = ? AND id = ?').get(
      list,
      id,
    ) as Row | undefined;
    return row && toRecord<T>(row);
  }

  async find<T>(list: ListName, where: Where = {}): Promise<StoredRecord<T>[]> {
    const { sql, params } = findQuery(list, where);
    const rows = this.sql(sql).all(...params) as Row[];
    return rows.map((r) => toRecord<T>(r));
  }

  async create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    const now = new Date().toISOString();
    const result = this.sql(
      'INSERT INTO records (list, id, version, value, created, modified) VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING',
    ).run(list, id, JSON.stringify(value), now, now);
    if (result.changes === 0) throw new StoreError('STORE.ALREADY_EXISTS', list, id);
    this.forgetHistory(list);
    return { id, etag: etagOf(1), value, created: now, modified: now };
  }

  async replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    const version = versionOf(ifMatch);
    const now = new Date().toISOString();
    const row = this.sql(
      `UPDATE records SET version = version + 1, value = ?, modified = ?
         WHERE list = ? AND id = ? AND version = ? RETURNING id, version, value, created, modified`,
    ).get(JSON.stringify(value), now, list, id, version) as Row | undefined;
    if (row) {
      this.forgetHistory(list);
      return toRecord<T>(row);
    }
    throw new StoreError((await this.get(list, id)) ? 'STORE.PRECONDITION_FAILED' : 'STORE.NOT_FOUND', list, id);
  }

  async remove(list: ListName, id: string, ifMatch?: string): Promise<void> {
    const result =
      ifMatch === undefined
        ? this.sql('DELETE FROM records WHERE list = ? AND id = ?').run(list, id)
        : this.sql('DELETE FROM records WHERE list = ? AND id = ? AND version = ?').run(list, id, versionOf(ifMatch));
    if (result.changes === 0)
      throw new StoreError((await this.get(list, id)) ? 'STORE.PRECONDITION_FAILED' : 'STORE.NOT_FOUND', list, id);
    this.forgetHistory(list);
  }

  /**
   * After a write to a history-free list: copy the WAL into the file and truncate it to
   * nothing. A reader in another process can hold the checkpoint up (the busy timeout waits
   * for it); if it is still held, the next write tries again, and so does close.
   */
  private forgetHistory(list: string): void {
    if (!this.historyFree.has(list) && !this.checkpointOwed) return;
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    this.checkpointOwed = (result?.busy ?? 0) !== 0;
  }

  /** Prepared once per SQL text: preparing costs more than most of our queries. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async close(): Promise<void> {
    if (this.checkpointOwed && this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

const etagOf = (version: number): string => `"${version}"`;
const versionOf = (etag: string): number => Number(etag.replace(/^W\//, '').replace(/"/g, '')) || -1;

function toRecord<T>(row: Row): StoredRecord<T> {
  return {
    id: row.id,
    etag: etagOf(row.version),
    value: JSON.parse(row.value) as T,
    created: row.created,
    modified: row.modified,
  };
}
