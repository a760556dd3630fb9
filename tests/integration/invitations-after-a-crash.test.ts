import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import type { RecordStore } from '../../src/ports/record-store';
import { cardAction, installation, people } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
// No background polling: only the passes the test runs send anything, so it sees every send.
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/*
 * The process dies in the middle of the invitation fan-out: after the first invitation is
 * queued, every store call fails, as if the power went. A new process on the same database
 * file takes the announcement over once the dead one's lease has run out, queues only what
 * is missing, and every person called ends up with exactly one invitation. (A death between
 * Teams accepting a message and its receipt being written is the outbox's documented window;
 * the scheduling tests cover the receipts.)
 */
const bots: BotUnderTest[] = [];
afterAll(async () => {
  for (const b of bots) await b.stop().catch(() => undefined);
});

/** A store that stops answering once `count` invitations have been queued. */
function dyingAfterInvitations(inner: RecordStore, count: number): RecordStore {
  let queued = 0;
  return new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function' || name === 'close') return value;
      return async (...args: unknown[]) => {
        if (queued >= count) throw new Error('the process died');
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        const [list, id] = args as [string, string];
        if (name === 'create' && list === 'jobs' && id.startsWith('invite:')) queued++;
        return result;
      };
    },
  });
}

describe('invitations when the process dies halfway through the fan-out', () => {
  it('reach every person called exactly once after a restart', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const clock = { now: () => now };
    const databaseFile = join(mkdtempSync(join(tmpdir(), 'samrad-crash-')), 'samrad.db');
    const dying = await startBot(
      { databaseFile },
      { clock, timer: idleTimer, store: dyingAfterInvitations(new SqliteStore(databaseFile), 1) },
    );
    bots.push(dying);
    for (const p of [people.boardMember, people.respondent, people.coordinator])
      await dying.post(installation(dying.connector.url, p));
    await dying.post(
      cardAction(dying.connector.url, people.coordinator, 'meeting.create', {
        body: 'styret',
        title: 'Styremøte',
        date: '2026-12-10',
        startTime: '10:00',
        endTime: '12:00',
        online: 'true',
      }),
    );
    dying.connector.clear();
    await dying.samrad.jobs.runDue(now).catch(() => undefined); // dies after queueing one invitation
    expect(dying.connector.sent).toHaveLength(0);

    now = new Date('2026-11-23T11:00:00Z'); // past the dead process's lease
    const after = await startBot({ databaseFile }, { clock, timer: idleTimer });
    bots.push(after);
    for (let i = 0; i < 3; i++) await after.samrad.jobs.runDue(now);
    // The stored conversation references point at the first connector, which still answers.
    const invited = dying.connector.sent.map((s) => s.conversationId).sort();
    expect(invited).toEqual([`a:personal-${people.respondent.id}`, `a:personal-${people.boardMember.id}`].sort());
    expect(
      dying.connector.sent.every((s) => JSON.stringify(s.activity).includes('du er innkalt til dette møtet')),
    ).toBe(true);
  });
});
