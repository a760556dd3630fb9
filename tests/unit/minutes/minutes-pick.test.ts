import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { pickMinutesMeeting } from '../../../src/app/commands/minutes-pick';

const now = new Date('2026-12-10T12:00:00Z');

async function setup() {
  const store = new MemoryStore();
  const meeting = (id: string, title: string, start: string, state = 'held') =>
    store.create('meetings', id, { id, title, start, end: start, state });
  await meeting('NOV26', 'Styremøte november', '2026-11-26T09:00:00Z');
  await meeting('DES10', 'Styremøte desember', '2026-12-10T09:00:00Z');
  await meeting('OKT22', 'Styremøte oktober', '2026-10-22T09:00:00Z');
  await meeting('AVLYS', 'Styremøte avlyst', '2026-12-03T09:00:00Z', 'cancelled');
  await meeting('JAN14', 'Styremøte januar', '2027-01-14T09:00:00Z', 'planned');
  // Ola and Anne were at every meeting; Marit missed December's.
  const minutes = (meetingId: string, status: string, approvedBy: string[] = [], absent: string[] = []) =>
    store.create('minutes', meetingId, {
      meetingId,
      minutes: {
        status,
        content: {
          attendance: {
            present: ['ola-berg', 'anne-moe', 'marit-kvam'].filter((id) => !absent.includes(id)),
            absent: absent.map((memberId) => ({ memberId, reason: 'ferie' })),
            deputies: [],
          },
        },
      },
      memberApprovals: approvedBy.map((memberId) => ({ memberId, at: now.toISOString() })),
    });
  await minutes('OKT22', 'approved');
  await minutes('NOV26', 'draft', ['ola-berg']);
  await minutes('DES10', 'draft', [], ['marit-kvam']);
  return store;
}

const ids = (picked: Awaited<ReturnType<typeof pickMinutesMeeting>>) =>
  picked.kind === 'one' ? [picked.record.id] : picked.kind === 'several' ? picked.candidates.map((c) => c.id) : [];

describe('which meeting a minutes command means', () => {
  it('to write: the meetings begun, not cancelled, whose minutes are not approved, newest first', async () => {
    const store = await setup();
    const picked = await pickMinutesMeeting(store, undefined, now, 'write');
    expect(picked.kind).toBe('several');
    expect(ids(picked)).toEqual(['DES10', 'NOV26']);
    expect(ids(await pickMinutesMeeting(store, 'neste', now, 'write'))).toEqual(['DES10', 'NOV26']);
  });

  it('to approve: the drafts this member has not approved yet; one is taken without asking', async () => {
    const store = await setup();
    const as = (memberId: string, attendedOnly = true) => ({ memberId, attendedOnly });
    const mine = await pickMinutesMeeting(store, undefined, now, 'approve', as('ola-berg'));
    expect(mine).toMatchObject({ kind: 'one', record: { id: 'DES10' } });
    expect(ids(await pickMinutesMeeting(store, undefined, now, 'approve', as('anne-moe')))).toEqual(['DES10', 'NOV26']);
  });

  it('to approve: a member is offered only the minutes of meetings she attended; the coordinator all drafts', async () => {
    const store = await setup();
    const marit = await pickMinutesMeeting(store, undefined, now, 'approve', {
      memberId: 'marit-kvam',
      attendedOnly: true,
    });
    expect(marit).toMatchObject({ kind: 'one', record: { id: 'NOV26' } });
    const coordinator = { memberId: 'ingrid-haugen', attendedOnly: false };
    expect(ids(await pickMinutesMeeting(store, undefined, now, 'approve', coordinator))).toEqual(['DES10', 'NOV26']);
  });

  it('with nothing to do, the latest meeting begun; before any began, none', async () => {
    const store = await setup();
    expect(await pickMinutesMeeting(store, undefined, new Date('2026-11-01T12:00:00Z'), 'write')).toMatchObject({
      kind: 'one',
      record: { id: 'OKT22' },
    }); // its minutes are approved: shown as they stand
    expect(await pickMinutesMeeting(store, undefined, new Date('2026-10-01T12:00:00Z'), 'write')).toEqual({
      kind: 'none',
    });
  });

  it('by id or title fragment, preferring those still to do; a name that fits nothing is unknown', async () => {
    const store = await setup();
    expect(ids(await pickMinutesMeeting(store, 'okt22', now, 'write'))).toEqual(['OKT22']);
    expect(ids(await pickMinutesMeeting(store, 'oktober', now, 'write'))).toEqual(['OKT22']);
    expect(ids(await pickMinutesMeeting(store, 'styremøte', now, 'write'))).toEqual(['DES10', 'NOV26']);
    expect(await pickMinutesMeeting(store, 'budsjett', now, 'write')).toEqual({ kind: 'unknown', ref: 'budsjett' });
  });
});
