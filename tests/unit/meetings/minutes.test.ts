import { describe, expect, it } from 'vitest';
import { reportAbsence } from '../../../src/domain/absence';
import { withdrawItem } from '../../../src/domain/agenda';
import { markHeld } from '../../../src/domain/meeting';
import type { ItemMinutes, Minutes } from '../../../src/domain/minutes';
import { draftMinutes, recordAttendance, recordItemMinutes } from '../../../src/domain/minutes';
import { amendMinutes, approveMinutes, decisionsOf } from '../../../src/domain/minutes-approval';
import { code, must, now, org, withTwoCases } from './meeting-fixtures';

const started = new Date('2026-04-23T08:00:00Z');
const approvedAt = new Date('2026-06-01T08:00:00Z');
const planned = withTwoCases();
const absence = must(reportAbsence(org, planned, [], { memberId: 'ola', reason: 'Syk' }, now));
const held = must(markHeld(planned, started));
const first = held.agenda[0]!.id;

const decided = (itemId: string, decision: string, extra: Partial<ItemMinutes> = {}): ItemMinutes => ({
  itemId,
  proposals: [],
  votes: [],
  decision,
  ...extra,
});

function complete(): Minutes {
  let m = must(draftMinutes(held, org, [absence]));
  m = must(recordItemMinutes(m, held, decided(first, 'Referatet godkjennes.')));
  m = must(recordItemMinutes(m, held, decided('i1', 'Handlingsplanen vedtas.')));
  return must(recordItemMinutes(m, held, decided('i2', 'Høringssvaret sendes.')));
}

describe('writing the minutes', () => {
  it('starts from what is known: attendance from absences, the recommendation from the proposal', () => {
    const m = must(draftMinutes(held, org, [absence]));
    expect(m.content.attendance).toEqual({
      present: ['kari', 'siri', 'hf'],
      absent: [{ memberId: 'ola', reason: 'Syk' }],
      deputies: [{ memberId: 'eva', standsInFor: 'ola' }],
    });
    expect(m.content.items.map((i) => [i.itemId, i.recommendation])).toEqual([
      [first, undefined],
      ['i1', 'Forslag: Handlingsplan 2026'],
      ['i2', 'Forslag: Høring: akuttmedisin'],
    ]);
    expect(m).toMatchObject({ status: 'draft', version: 1, earlier: [] });
  });

  it('is written only for a held meeting', () => {
    expect(code(draftMinutes(planned, org, []))).toBe('MINUTES.MEETING_NOT_HELD');
  });

  it('records proposals from the meeting and a named vote that adds up', () => {
    const m = must(draftMinutes(held, org, [absence]));
    const entry = decided('i1', 'Handlingsplanen vedtas med endring.', {
      proposals: [{ by: 'siri', text: 'Legevakt tas inn i planen' }],
      votes: [
        {
          proposal: 'Legevakt tas inn i planen',
          named: true,
          ballots: [
            { memberId: 'kari', option: 'for' },
            { memberId: 'eva', option: 'for' },
            { memberId: 'hf', option: 'against' },
          ],
          counts: { for: 2, against: 1 },
        },
      ],
    });
    expect(must(recordItemMinutes(m, held, entry)).content.items[1]).toEqual(entry);
  });

  it('refuses a named vote from someone not in the room, twice from one, or with counts that do not add up', () => {
    const m = must(draftMinutes(held, org, [absence]));
    const vote = (ballots: { memberId: string; option: string }[], counts: Record<string, number>) =>
      decided('i1', 'x', { votes: [{ proposal: 'p', named: true, ballots, counts }] });
    expect(code(recordItemMinutes(m, held, vote([{ memberId: 'ola', option: 'for' }], { for: 1 })))).toBe(
      'MINUTES.VOTER_NOT_PRESENT',
    );
    expect(
      code(
        recordItemMinutes(
          m,
          held,
          vote(
            [
              { memberId: 'kari', option: 'for' },
              { memberId: 'kari', option: 'against' },
            ],
            { for: 1, against: 1 },
          ),
        ),
      ),
    ).toBe('MINUTES.VOTED_TWICE');
    expect(code(recordItemMinutes(m, held, vote([{ memberId: 'kari', option: 'for' }], { for: 2 })))).toBe(
      'MINUTES.VOTE_COUNTS_MISMATCH',
    );
    expect(
      code(
        recordItemMinutes(
          m,
          held,
          decided('i1', 'x', { votes: [{ proposal: 'p', named: false, ballots: [], counts: { for: 4 } }] }),
        ),
      ),
    ).toBeUndefined();
  });

  it('refuses an item not on the agenda, and a decision on a withdrawn one', () => {
    const m = must(draftMinutes(held, org, []));
    expect(code(recordItemMinutes(m, held, decided('i9', 'x')))).toBe('MINUTES.UNKNOWN_ITEM');
    const withdrawn = must(markHeld(must(withdrawItem(planned, 'i2')), started));
    expect(code(recordItemMinutes(m, withdrawn, decided('i2', 'Vedtatt likevel')))).toBe('MINUTES.ITEM_WITHDRAWN');
  });

  it('refuses attendance where one person is both present and absent, or a deputy for someone present', () => {
    const m = must(draftMinutes(held, org, []));
    expect(
      code(recordAttendance(m, { present: ['kari'], absent: [{ memberId: 'kari', reason: 'Syk' }], deputies: [] })),
    ).toBe('MINUTES.ATTENDANCE_CONFLICT');
    expect(
      code(
        recordAttendance(m, {
          present: ['kari', 'ola'],
          absent: [],
          deputies: [{ memberId: 'eva', standsInFor: 'ola' }],
        }),
      ),
    ).toBe('MINUTES.DEPUTY_FOR_PRESENT_MEMBER');
  });
});

describe('approving and changing the minutes', () => {
  it('needs a decision for every item still on the agenda', () => {
    const m = must(draftMinutes(held, org, []));
    expect(approveMinutes(m, held, { meeting: 'next' }, approvedAt)).toEqual({
      ok: false,
      error: { code: 'MINUTES.DECISION_MISSING', params: { itemId: first } },
    });
  });

  it('approves by a meeting or by members, then locks', () => {
    const a = must(approveMinutes(complete(), held, { meeting: 'm2' }, approvedAt));
    expect(a).toMatchObject({ status: 'approved', approval: { at: approvedAt.toISOString(), by: { meeting: 'm2' } } });
    expect(code(recordItemMinutes(a, held, decided('i1', 'Endret')))).toBe('MINUTES.LOCKED');
    expect(code(recordAttendance(a, a.content.attendance))).toBe('MINUTES.LOCKED');
    expect(code(approveMinutes(a, held, { meeting: 'm2' }, approvedAt))).toBe('MINUTES.ALREADY_APPROVED');
    expect(must(approveMinutes(complete(), held, { members: ['kari', 'siri'] }, approvedAt)).approval?.by).toEqual({
      members: ['kari', 'siri'],
    });
    expect(code(approveMinutes(complete(), held, { members: [] }, approvedAt))).toBe('MINUTES.NO_APPROVERS');
  });

  it('makes a change after approval a new version that says who, when and why, keeping the approved one', () => {
    const a = must(approveMinutes(complete(), held, { meeting: 'm2' }, approvedAt));
    const items = a.content.items.map((i) =>
      i.itemId === 'i1' ? { ...i, decision: 'Handlingsplanen vedtas. Budsjettet justeres.' } : i,
    );
    const later = new Date('2026-06-05T08:00:00Z');
    const b = must(
      amendMinutes(a, held, { content: { ...a.content, items }, by: 'koord', reason: 'Skrivefeil i vedtaket' }, later),
    );
    expect(b).toMatchObject({
      version: 2,
      status: 'approved',
      change: { by: 'koord', reason: 'Skrivefeil i vedtaket', at: later.toISOString() },
    });
    expect(b.earlier).toHaveLength(1);
    expect(b.earlier[0]).toMatchObject({ version: 1, content: a.content });
    expect(decisionsOf(held, b).find((d) => d.itemId === 'i1')?.decision).toBe(
      'Handlingsplanen vedtas. Budsjettet justeres.',
    );
    const c = must(amendMinutes(b, held, { content: a.content, by: 'koord', reason: 'Tilbake' }, later));
    expect(c.earlier.map((e) => e.version)).toEqual([1, 2]);
  });

  it('refuses a change without a reason, and calls a draft’s edits edits, not amendments', () => {
    const a = must(approveMinutes(complete(), held, { meeting: 'm2' }, approvedAt));
    expect(code(amendMinutes(a, held, { content: a.content, by: 'koord', reason: ' ' }, approvedAt))).toBe(
      'MINUTES.REASON_REQUIRED',
    );
    expect(code(amendMinutes(complete(), held, { content: a.content, by: 'koord', reason: 'x' }, approvedAt))).toBe(
      'MINUTES.NOT_APPROVED',
    );
    const bad = {
      ...a.content,
      attendance: { present: ['kari'], absent: [{ memberId: 'kari', reason: 'x' }], deputies: [] },
    };
    expect(code(amendMinutes(a, held, { content: bad, by: 'koord', reason: 'x' }, approvedAt))).toBe(
      'MINUTES.ATTENDANCE_CONFLICT',
    );
  });

  it('lists the decisions in agenda order, without withdrawn or undecided items', () => {
    const withdrawn = must(markHeld(must(withdrawItem(planned, 'i2')), started));
    let m = must(draftMinutes(withdrawn, org, []));
    m = must(recordItemMinutes(m, withdrawn, decided('i1', 'Vedtatt.')));
    expect(decisionsOf(withdrawn, m)).toEqual([{ itemId: 'i1', decision: 'Vedtatt.' }]);
    expect(code(approveMinutes(m, withdrawn, { meeting: 'm2' }, approvedAt))).toBe('MINUTES.DECISION_MISSING');
    m = must(recordItemMinutes(m, withdrawn, decided(first, 'Godkjent.')));
    expect(code(approveMinutes(m, withdrawn, { meeting: 'm2' }, approvedAt))).toBeUndefined();
  });
});
