import { describe, expect, it } from 'vitest';
import { completeFollowUp, createFollowUp, mayComplete } from '../../../src/domain/follow-up';
import { markHeld } from '../../../src/domain/meeting';
import type { ItemMinutes, Minutes } from '../../../src/domain/minutes';
import { draftMinutes, recordItemMinutes } from '../../../src/domain/minutes';
import { amendMinutes } from '../../../src/domain/minutes-approval';
import { approvalsNeeded, approveAsMember, attendeesOf, decisionsDiffer } from '../../../src/domain/minutes-signing';
import { code, must, org, withTwoCases } from '../meetings/meeting-fixtures';

const started = new Date('2026-04-23T08:00:00Z');
const held = must(markHeld(withTwoCases(), started));
const decided = (itemId: string, decision: string): ItemMinutes => ({ itemId, proposals: [], votes: [], decision });
/** Ola reported absence, so Eva stands in: present Kari, Siri and HF, and Eva. */
const absence = {
  meetingId: 'm1',
  memberId: 'ola',
  reason: 'Ferie',
  reportedAt: '2026-04-01T08:00:00Z',
  deputiesCalled: ['eva'],
};
const draft = must(draftMinutes(held, org, [absence]));
const complete = ['m1:minutes-approval', 'i1', 'i2'].reduce<Minutes>(
  (m, id) => must(recordItemMinutes(m, held, decided(id, `Vedtak ${id}`))),
  draft,
);

/** The minutes after these members approved them on the card, one after the other. */
function approvedBy(minutes: Minutes, members: readonly string[]): Minutes {
  let state = { minutes, approvals: [] as { memberId: string; at: string }[] };
  for (const id of members) {
    const next = must(approveAsMember(state.minutes, held, state.approvals, id, started));
    state = { minutes: next.minutes, approvals: [...next.approvals] };
  }
  return state.minutes;
}

describe('approval of the minutes by the members on a card', () => {
  it('needs more than half of those who took part, deputies included', () => {
    expect(attendeesOf(complete).sort()).toEqual(['eva', 'hf', 'kari', 'siri']);
    expect(approvalsNeeded(complete)).toBe(3);
  });

  it('is refused for one who was not there, and before every case has its vedtak', () => {
    expect(code(approveAsMember(complete, held, [], 'ola', started))).toBe('MINUTES.NOT_AN_ATTENDEE');
    expect(code(approveAsMember(draft, held, [], 'kari', started))).toBe('MINUTES.DECISION_MISSING');
  });

  it('counts each member once and approves and locks the minutes at the majority', () => {
    const one = must(approveAsMember(complete, held, [], 'kari', started));
    expect(one).toMatchObject({ recorded: true, minutes: { status: 'draft' } });
    expect(must(approveAsMember(complete, held, one.approvals, 'kari', started))).toMatchObject({
      recorded: false,
      approvals: one.approvals,
    });
    const two = must(approveAsMember(complete, held, one.approvals, 'eva', started));
    const three = must(approveAsMember(two.minutes, held, two.approvals, 'siri', started));
    expect(three.minutes).toMatchObject({ status: 'approved', approval: { by: { members: ['kari', 'eva', 'siri'] } } });
    expect(code(approveAsMember(three.minutes, held, three.approvals, 'hf', started))).toBe('MINUTES.ALREADY_APPROVED');
  });

  it('tells a changed vedtak from other changes, which is what a new version must carry a reason for', () => {
    const changed = must(recordItemMinutes(complete, held, decided('i1', 'Annet vedtak')));
    expect(decisionsDiffer(complete.content, changed.content)).toBe(true);
    const reworded = must(
      recordItemMinutes(complete, held, { ...decided('i1', 'Vedtak i1'), recommendation: 'Ny innstilling' }),
    );
    expect(decisionsDiffer(complete.content, reworded.content)).toBe(false);
    const approved = approvedBy(complete, ['kari', 'eva', 'siri']);
    expect(code(amendMinutes(approved, held, { content: changed.content, by: 'koord', reason: ' ' }, started))).toBe(
      'MINUTES.REASON_REQUIRED',
    );
  });
});

describe('follow-up rules added for the app', () => {
  const minutes = complete;
  const task = (d: { owner?: string; due?: string } = {}, at = started) =>
    createFollowUp(
      held,
      minutes,
      org,
      { id: 't1', itemId: 'i1', description: 'Send planen', owner: 'siri', due: '2026-05-15', ...d },
      at,
    );

  it('a task needs an owner and a due day that has not passed', () => {
    expect(code(task({ owner: ' ' }))).toBe('FOLLOW_UP.OWNER_REQUIRED');
    expect(code(task({ due: '2026-04-30' }, new Date('2026-05-02T08:00:00Z')))).toBe('FOLLOW_UP.DUE_IN_PAST');
    expect(code(task({ due: '2026-05-02' }, new Date('2026-05-02T08:00:00Z')))).toBeUndefined();
  });

  it('only the owner or the coordinator may close it', () => {
    const t = must(task());
    expect(mayComplete(t, 'siri', false)).toBe(true);
    expect(mayComplete(t, 'kari', false)).toBe(false);
    expect(mayComplete(t, 'koord', true)).toBe(true);
    expect(must(completeFollowUp(t, started)).status).toBe('done');
  });
});
