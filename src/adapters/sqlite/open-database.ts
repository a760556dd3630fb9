import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StartupFault } from '../../startup-fault';
import { migrate } from './migrations';

/** SQLite's result codes and the system's errno, from the most specific to the least. */
const advice: [RegExp, string][] = [
  [
    /^SQLITE_READONLY|^EROFS$/,
    'is read-only for this process; give the user running Samråd write access to the file and its folder',
  ],
  [
    /^SQLITE_BUSY|^SQLITE_LOCKED/,
    'is locked by another process; stop the other process (another Samråd, a backup, a sqlite3 shell) or use another file',
  ],
  [
    /^SQLITE_FULL$|^ENOSPC$|^EDQUOT$/,
    'cannot be written because the disk is full; free space on the disk that holds it',
  ],
  [
    /^SQLITE_NOTADB$|^SQLITE_CORRUPT/,
    'is not a Samråd database (not SQLite, or damaged); restore it from a backup or point SAMRAD_DB at another file',
  ],
  [
    /^SQLITE_PERM$|^SQLITE_AUTH$|^EACCES$|^EPERM$/,
    'cannot be read or written: permission denied; give the user running Samråd access to the file and its folder',
  ],
  [
    /^ENOTDIR$|^EEXIST$|^ENOENT$/,
    'has no usable folder (a part of the path is a file, or missing); point SAMRAD_DB at a file in a writable folder',
  ],
  [
    /^SQLITE_CANTOPEN/,
    'cannot be opened (it may be a folder, unreadable, or in a folder that is missing or not writable); point SAMRAD_DB at a readable, writable file',
  ],
  // A write refused for want of room shows as an I/O error when the limit is not ENOSPC (quotas, file size limits).
  [
    /^SQLITE_IOERR/,
    'could not be written or read (the disk may be full or failing); free space or check the disk, or point SAMRAD_DB at another file',
  ],
];

/** The error's code (`SQLITE_CANTOPEN`, `EACCES`, …): anything may be thrown, a non-object too. */
function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

/** The one line an operator reads when the database cannot be opened. */
export function databaseFault(file: string, error: unknown): StartupFault {
  const code = codeOf(error);
  const what =
    advice.find(([pattern]) => pattern.test(code))?.[1] ??
    `cannot be opened (${code || 'unknown error'}); check the file or point SAMRAD_DB at another one`;
  return new StartupFault(`Samråd cannot start: the database SAMRAD_DB=${file} ${what}.`, { cause: error });
}

/**
 * Opens (creating if needed) the embedded store's file in WAL mode and brings its schema up
 * to date. Any failure becomes a StartupFault naming SAMRAD_DB, never a stack trace.
 */
export function openDatabase(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // Old row versions and freed pages are zeroed, so no deleted or replaced secret stays in the file.
    db.pragma('secure_delete = ON');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw databaseFault(file, error);
  }
}
