import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuery } from '../../src/adapters/sqlite/find-query';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';

// The dashboard is polled every 4 s by each open tab, and a 304 still reads what the view is made
// from (dashboard-stamp.ts): the open meetings, hearings, votes and failed jobs by state, and the
// answers and responses of one meeting or hearing. On the embedded store those filters must be
// index searches, not a scan of every record of the list parsed as JSON (bench: 12 of a 17 ms poll).
const filters = ['state', 'meetingId', 'hearingId'] as const;

describe("the dashboard's filters on the embedded store", () => {
  for (const field of filters) {
    it(`finds by ${field} through an index`, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'samrad-dq-')), 'samrad.db');
      const store = new SqliteStore(file);
      await store.create('inputAnswers', 'a', { [field]: 'x' });
      expect((await store.find('inputAnswers', { [field]: 'x' })).map((r) => r.id)).toEqual(['a']);
      await store.close();
      const db = new Database(file, { readonly: true });
      // The store's own statement for that filter, on the schema its migrations made.
      const { sql, params } = findQuery('inputAnswers', { [field]: 'x' });
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      db.close();
      expect(plan.map((p) => p.detail).join('; ')).toMatch(/USING INDEX records_/);
    });
  }
});
