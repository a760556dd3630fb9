import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import { castVoteBallot } from '../../../src/app/voting/cast-vote-ballot';
import { closeOpenVote } from '../../../src/app/voting/close-open-vote';
import { KeyedLock } from '../../../src/app/voting/keyed-lock';
import { openNewVote } from '../../../src/app/voting/open-vote';
import { rolesOf } from '../../../src/domain/role';
import type { RecordStore } from '../../../src/ports/record-store';
import { organisationWithBoard } from '../../fixtures/large-organisation';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const org = organisationWithBoard(200);
const actor = (id: string) => {
  const member = org.members.find((m) => m.id === id)!;
  return { member, roles: rolesOf(member, 'styret', '2026-11-23') };
};
const open = async (store: RecordStore, settings = {}) => {
  const opened = await openNewVote({ store, clock, org }, actor('coord'), {
    title: 'Budsjett 2027',
    settings,
    conversationId: 'c',
  });
  if (!opened.ok) throw new Error(opened.error.code);
  return opened.value;
};
const cast = (
  store: RecordStore,
  lock: KeyedLock,
  voteId: string,
  castBy: string,
  option: string,
  key = `${castBy}-${option}`,
) => castVoteBallot({ store, clock, lock }, { voteId, castBy, option, idempotencyKey: key });

describe('opening a vote', () => {
  it('is for the coordinator or the chair of the body', async () => {
    const store = new MemoryStore();
    const deps = { store, clock, org };
    const request = { title: 'Sak', settings: {}, conversationId: 'c' };
    expect((await openNewVote(deps, actor('coord'), request)).ok).toBe(true);
    expect((await openNewVote(deps, actor('m0'), request)).ok).toBe(true);
    expect(await openNewVote(deps, actor('m1'), request)).toEqual({
      ok: false,
      error: { code: 'VOTE.NOT_ALLOWED_TO_OPEN' },
    });
  });

  it('refuses an empty title, an unknown body and broken settings', async () => {
    const deps = { store: new MemoryStore(), clock, org };
    expect((await openNewVote(deps, actor('coord'), { title: '  ', settings: {}, conversationId: 'c' })).ok).toBe(
      false,
    );
    expect(
      await openNewVote(deps, actor('coord'), { title: 'x', bodyId: 'nope', settings: {}, conversationId: 'c' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VOTE.UNKNOWN_BODY' },
    });
    expect(
      await openNewVote(deps, actor('coord'), {
        title: 'x',
        settings: { secrecy: 'secret', changeAllowed: true },
        conversationId: 'c',
      }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('snapshots the electorate when it opens', async () => {
    const vote = await open(new MemoryStore());
    expect(vote.state).toBe('open');
    expect(vote.state === 'open' && vote.electorate.voters).toHaveLength(200);
  });
});

describe('casting ballots', () => {
  it('200 people voting at once give an exact tally', async () => {
    const store = new MemoryStore();
    const lock = new KeyedLock();
    const vote = await open(store);
    const results = await Promise.all(
      org.members
        .filter((m) => m.id !== 'coord')
        .map((m, i) => cast(store, lock, vote.id, m.id, i % 3 === 0 ? 'against' : 'for')),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const closed = await closeOpenVote({ store, clock, lock }, vote.id, 'coord');
    if (!closed.ok) throw new Error(closed.error.code);
    expect(closed.value.tally.counts).toMatchObject({ for: 133, against: 67, abstain: 0 });
    expect(closed.value.tally.voted).toBe(200);
    expect(closed.value.tally.outcome.kind).toBe('adopted');
  });

  it('a retried invoke counts once and a change of vote replaces the earlier one', async () => {
    const store = new MemoryStore();
    const lock = new KeyedLock();
    const vote = await open(store);
    await Promise.all([
      cast(store, lock, vote.id, 'm1', 'for', 'inv-1'),
      cast(store, lock, vote.id, 'm1', 'for', 'inv-1'),
    ]);
    await cast(store, lock, vote.id, 'm1', 'against', 'inv-2');
    const closed = await closeOpenVote({ store, clock, lock }, vote.id, 'coord');
    expect(closed.ok && closed.value.tally.counts).toMatchObject({ for: 0, against: 1 });
  });

  it('refuses an ineligible person, an unknown option, an unknown vote and a vote after close', async () => {
    const store = new MemoryStore();
    const lock = new KeyedLock();
    const vote = await open(store);
    expect(await cast(store, lock, vote.id, 'coord', 'for')).toMatchObject({
      ok: false,
      error: { code: 'VOTE.NOT_ELIGIBLE' },
    });
    expect(await cast(store, lock, vote.id, 'm1', 'maybe')).toMatchObject({
      ok: false,
      error: { code: 'VOTE.UNKNOWN_OPTION' },
    });
    expect(await cast(store, lock, 'NOPE1', 'm1', 'for')).toMatchObject({ ok: false, error: { code: 'VOTE.UNKNOWN' } });
    await closeOpenVote({ store, clock, lock }, vote.id, 'coord');
    expect(await cast(store, lock, vote.id, 'm2', 'for')).toMatchObject({ ok: false, error: { code: 'VOTE.CLOSED' } });
    expect(await closeOpenVote({ store, clock, lock }, vote.id, 'coord')).toMatchObject({
      ok: false,
      error: { code: 'VOTE.CLOSED' },
    });
  });
});

describe('two processes on one SQLite file', () => {
  it('every ballot that was accepted is counted, even when the close races them', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'samrad-vote-')), 'samrad.db');
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    const vote = await open(a);
    const [lockA, lockB] = [new KeyedLock(), new KeyedLock()];
    const voters = org.members.filter((m) => m.id !== 'coord');
    // The close starts when the 60th ballot is in, while the rest are still on their way.
    let settled = 0;
    let startClose!: () => void;
    const closeStarted = new Promise<void>((resolve) => (startClose = resolve));
    const c = new SqliteStore(file); // the coordinator's close arrives at a third process
    const close = closeStarted.then(() => closeOpenVote({ store: c, clock, lock: new KeyedLock() }, vote.id, 'coord'));
    // Ballots keep arriving in waves, as people press, while the close goes through.
    const casts: Promise<Awaited<ReturnType<typeof cast>>>[] = [];
    for (const [i, m] of voters.entries()) {
      casts.push(
        (i % 2 === 0 ? cast(a, lockA, vote.id, m.id, 'for') : cast(b, lockB, vote.id, m.id, 'for')).finally(() => {
          if (++settled === 60) startClose();
        }),
      );
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const [results, closed] = await Promise.all([Promise.all(casts), close]);
    if (!closed.ok) throw new Error(closed.error.code);
    const accepted = results.filter((r) => r.ok).length;
    const refused = results.filter((r) => !r.ok);
    expect(accepted).toBeGreaterThanOrEqual(60);
    expect(refused.length).toBeGreaterThan(0); // the race really happened
    expect(refused.every((r) => r.error.code === 'VOTE.CLOSED')).toBe(true);
    expect(closed.value.tally.voted).toBe(accepted);
    await Promise.all([a.close(), b.close(), c.close()]);
  });
});

describe('closing while a ballot is in flight in another process', () => {
  it('the in-flight ballot is either counted or refused as closed, never accepted and lost', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'samrad-seal-')), 'samrad.db');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reachedGate!: () => void;
    const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
    /** Process A: its write of the ballot box waits at a gate, after it has read the open vote. */
    class HeldStore extends SqliteStore {
      override async replace<T>(list: string, id: string, value: T, ifMatch: string) {
        if (list === 'ballotBoxes') {
          reachedGate();
          await gate;
        }
        return super.replace(list, id, value, ifMatch);
      }
    }
    const a = new HeldStore(file);
    const c = new SqliteStore(file);
    const vote = await open(c);
    const inFlight = cast(a, new KeyedLock(), vote.id, 'm1', 'for');
    await atGate; // A has decided the ballot on an open vote and is about to write it
    const closed = await closeOpenVote({ store: c, clock, lock: new KeyedLock() }, vote.id, 'coord');
    release();
    const result = await inFlight;
    if (!closed.ok) throw new Error(closed.error.code);
    if (result.ok) expect(closed.value.tally.voted).toBe(1);
    else expect(result.error.code).toBe('VOTE.CLOSED');
    expect(result.ok).toBe(false); // with the seal, A's write fails its eTag and A sees the close
    await Promise.all([a.close(), c.close()]);
  });
});
