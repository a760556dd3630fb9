import type { Database } from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}

/** Append only: a released migration is never edited, a change is a new one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'records',
    up: `
      CREATE TABLE records (
        list     TEXT    NOT NULL,
        id       TEXT    NOT NULL,
        version  INTEGER NOT NULL,
        value    TEXT    NOT NULL CHECK (json_valid(value)),
        created  TEXT    NOT NULL,
        modified TEXT    NOT NULL,
        PRIMARY KEY (list, id)
      ) WITHOUT ROWID;`,
  },
  {
    version: 2,
    name: 'index fields the product filters on',
    up: `
      CREATE INDEX records_member ON records (list, json_extract(value, '$.memberId'));
      CREATE INDEX records_kind   ON records (list, json_extract(value, '$.kind'));`,
  },
  {
    version: 3,
    // The dashboard's poll reads by these every few seconds (open meetings, hearings, votes, failed
    // jobs; one meeting's answers, one hearing's responses): an index search, not every record parsed.
    name: 'index the fields the dashboard polls by',
    up: `
      CREATE INDEX records_state   ON records (list, json_extract(value, '$.state'));
      CREATE INDEX records_meeting ON records (list, json_extract(value, '$.meetingId'));
      CREATE INDEX records_hearing ON records (list, json_extract(value, '$.hearingId'));`,
  },
];

/** Runs the migrations the file has not seen, each in its own transaction. Returns those applied. */
export function migrate(db: Database, all: readonly Migration[] = migrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`);
  const seen = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const m of [...all].sort((a, b) => a.version - b.version)) {
    if (seen.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
