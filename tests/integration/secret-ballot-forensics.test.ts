import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { emptyBox } from '../../src/domain/ballot';
import type { Clock } from '../../src/ports/clock';
import { castVoteBallot } from '../../src/app/voting/cast-vote-ballot';
import { closeOpenVote } from '../../src/app/voting/close-open-vote';
import { KeyedLock } from '../../src/app/voting/keyed-lock';
import { BALLOT_BOXES, VOTES } from '../../src/app/voting/vote-records';
import type { VoteRecord } from '../../src/app/voting/vote-records';
import { now, openVoteOf } from '../unit/voting/voting-fixtures';
import { tornBoxFragments, boxVersionsInBytes, pairVotersWithChoices } from './forensics/ballot-forensics';

// Seven voters, one at a time: the worst case, each ballot its own version of the box.
const choices = [
  ['m1', 'for'],
  ['m2', 'against'],
  ['m3', 'for'],
  ['m4', 'abstain'],
  ['m5', 'against'],
  ['m6', 'for'],
  ['m7', 'for'],
] as const;
const secret = { secrecy: 'secret', changeAllowed: false, interimResults: 'hidden' } as const;
const clock: Clock = { now: () => now };

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

/** A secret vote through the real use cases; a copy of the files is taken after every ballot. */
async function secretVoteOn(s: SqliteStore, file: string): Promise<{ copies: Buffer[]; voteId: string; walAfterBallots: number[] }> {
  const vote = openVoteOf(7, secret, 'S3CRT');
  await s.create(BALLOT_BOXES, vote.id, emptyBox(vote));
  await s.create<VoteRecord>(VOTES, vote.id, { ...vote, openedBy: 'm1' });
  const deps = { store: s, clock, lock: new KeyedLock() };
  const copies = [copyOfFiles(file)];
  const walAfterBallots: number[] = [];
  for (const [voter, option] of choices) {
    const cast = await castVoteBallot(deps, { voteId: vote.id, castBy: voter, option, idempotencyKey: `invoke-${voter}` });
    expect(cast.ok).toBe(true);
    copies.push(copyOfFiles(file));
    walAfterBallots.push(readFileSync(`${file}-wal`).length);
  }
  const closed = await closeOpenVote(deps, vote.id, 'm1');
  expect(closed.ok && closed.value.tally.voted).toBe(7);
  copies.push(copyOfFiles(file));
  return { copies, voteId: vote.id, walAfterBallots };
}

const fileIn = (prefix: string) => join(mkdtempSync(join(tmpdir(), prefix)), 'samrad.db');

describe('a secret vote against someone holding a copy of the SQLite file and its WAL', () => {
  it('the attack works on a store that keeps history: every voter is paired with their choice', async () => {
    const file = fileIn('samrad-forensic-control-');
    // The store as it was before: every version of the box left in the WAL.
    store = new SqliteStore(file, { historyFree: new Set() });
    const { copies, voteId } = await secretVoteOn(store, file);
    const last = copies[copies.length - 2]!; // before the close, as a copy of a running server would be
    const paired = pairVotersWithChoices(boxVersionsInBytes(last, voteId));
    expect(Object.fromEntries(paired)).toEqual(Object.fromEntries(choices));
  });

  it('no copy taken between ballots holds more than the current version, so nothing pairs', async () => {
    const file = fileIn('samrad-forensic-');
    store = new SqliteStore(file);
    const { copies, voteId, walAfterBallots } = await secretVoteOn(store, file);
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

  it('the copies taken together still pair nobody beyond what one version shows', async () => {
    const file = fileIn('samrad-forensic-all-');
    store = new SqliteStore(file);
    const { copies, voteId } = await secretVoteOn(store, file);
    // A single copy cannot be diffed; only someone copying after every ballot could (docs/voting-rules.md).
    for (const copy of copies) expect(pairVotersWithChoices(boxVersionsInBytes(copy, voteId)).size).toBe(0);
    // Nothing else on disk names a choice next to a person: a named ballot's `option` field never appears.
    expect(copies.at(-1)!.toString('latin1')).not.toContain('"option":"');
  });
});
