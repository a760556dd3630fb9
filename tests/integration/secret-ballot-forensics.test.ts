import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { boxVersionsInBytes, pairVotersWithChoices, tornBoxFragments } from './forensics/ballot-forensics';
import { choices, runSecretVote } from './forensics/secret-vote-run';

let store: SqliteStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** The database file and its WAL as they are on disk this moment: what a copy would hold. */
function copyOfFiles(file: string): Buffer {
  const wal = `${file}-wal`;
  return Buffer.concat([readFileSync(file), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
}

const fileIn = (prefix: string) => join(mkdtempSync(join(tmpdir(), prefix)), 'samrad.db');

/** A copy of the files once the box exists, after every ballot and after the close. */
async function copiesOfSecretVote(s: SqliteStore, file: string) {
  const copies: Buffer[] = [];
  const walAfterBallots: number[] = [];
  const voteId = await runSecretVote(s, (step) => {
    copies.push(copyOfFiles(file));
    if (step >= 1 && step <= choices.length) walAfterBallots.push(readFileSync(`${file}-wal`).length);
  });
  return { copies, voteId, walAfterBallots };
}

describe('a secret vote against someone holding a copy of the SQLite file and its WAL', () => {
  it('the attack works on a store that keeps history: every voter is paired with their choice', async () => {
    const file = fileIn('samrad-forensic-control-');
    // The store as it was before: every version of the box left in the WAL.
    store = new SqliteStore(file, { historyFree: new Set() });
    const { copies, voteId } = await copiesOfSecretVote(store, file);
    const beforeClose = copies[choices.length]!; // a copy of the running server before the close
    const paired = pairVotersWithChoices(boxVersionsInBytes(beforeClose, voteId));
    expect(Object.fromEntries(paired)).toEqual(Object.fromEntries(choices));
  });

  it('no copy taken between ballots holds more than the current version, so nothing pairs', async () => {
    const file = fileIn('samrad-forensic-');
    store = new SqliteStore(file);
    const { copies, voteId, walAfterBallots } = await copiesOfSecretVote(store, file);
    for (const [i, copy] of copies.entries()) {
      // No older version, not even a torn one in freed space (secure_delete zeroes those).
      expect(tornBoxFragments(copy, voteId), `copy ${i}`).toBe(0);
      const versions = boxVersionsInBytes(copy, voteId);
      expect(versions.length, `copy ${i}`).toBe(1);
      expect(versions[0]!.voters.length).toBe(Math.min(i, choices.length));
      expect(pairVotersWithChoices(versions).size).toBe(0);
    }
    // The WAL was emptied after each ballot, not left to the next automatic checkpoint.
    expect(walAfterBallots).toEqual(choices.map(() => 0));
  });

  it('nothing else on disk names a choice beside a person', async () => {
    const file = fileIn('samrad-forensic-all-');
    store = new SqliteStore(file);
    const { copies } = await copiesOfSecretVote(store, file);
    // A named ballot's `option` field, or an invoke's payload, never reaches the file or the WAL.
    for (const copy of copies) expect(copy.toString('latin1')).not.toContain('"option":"');
  });
});

describe('a checkpoint held up by a reader in another process', () => {
  it('is done at the next write once the reader is gone', async () => {
    const file = fileIn('samrad-forensic-reader-');
    store = new SqliteStore(file);
    await store.create('ballotBoxes', 'b', { n: 0 });
    const reader = new Database(file, { readonly: true });
    try {
      // An open read transaction on the WAL: the TRUNCATE checkpoint cannot finish (it waits
      // for the busy timeout, then gives up and leaves the WAL as it is).
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM records').get();
      const box = await store.get('ballotBoxes', 'b');
      await store.replace('ballotBoxes', 'b', { n: 1 }, box!.etag);
      expect(readFileSync(`${file}-wal`).length).toBeGreaterThan(0);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    // Any next write, even to another list, owes the checkpoint and does it.
    await store.create('jobs', 'j', { n: 2 });
    expect(readFileSync(`${file}-wal`).length).toBe(0);
  }, 20_000);
});
