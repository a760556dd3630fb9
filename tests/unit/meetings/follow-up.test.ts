import { describe, expect, it } from 'vitest';
import type { FollowUpDraft } from '../../../src/domain/follow-up';
import { completeFollowUp, createFollowUp, isOverdue, openTasks, tasksForReview } from '../../../src/domain/follow-up';
import { markHeld } from '../../../src/domain/meeting';
import type { ItemMinutes } from '../../../src/domain/minutes';
import { draftMinutes, recordItemMinutes } from '../../../src/domain/minutes';
import { code, must, org, planned, withTwoCases } from './meeting-fixtures';

const started = new Date('2026-04-23T08:00:00Z');
const held = must(markHeld(withTwoCases(), started));
const decided = (itemId: string, decision: string): ItemMinutes => ({ itemId, proposals: [], votes: [], decision });
const minutes = must(
  recordItemMinutes(must(draftMinutes(held, org, [])), held, decided('i1', 'Handlingsplanen vedtas.')),
);
const task = (d: Partial<FollowUpDraft> = {}) =>
  createFollowUp(
    held,
    minutes,
    org,
    { id: 't1', itemId: 'i1', description: 'Send planen til kommunene', owner: 'koord', due: '2026-05-15', ...d },
    started,
  );

describe('follow-up tasks', () => {
  it('follows a decision, with owner and due date, open from the start', () => {
    expect(must(task())).toMatchObject({
      meetingId: 'm1',
      bodyId: 'osu',
      itemId: 'i1',
      caseNumber: { number: 2, year: 2026 },
      owner: 'koord',
      due: '2026-05-15',
      status: 'open',
    });
  });

  it('refuses a task for a case without a decision, an unknown case, a blank description, an unknown owner or a bad date', () => {
    expect(code(task({ itemId: 'i2' }))).toBe('FOLLOW_UP.NO_DECISION');
    expect(code(task({ itemId: 'i9' }))).toBe('FOLLOW_UP.UNKNOWN_ITEM');
    expect(code(task({ description: ' ' }))).toBe('FOLLOW_UP.DESCRIPTION_REQUIRED');
    expect(code(task({ description: 'x'.repeat(501) }))).toBe('FOLLOW_UP.DESCRIPTION_TOO_LONG');
    expect(code(task({ owner: 'ukjent' }))).toBe('FOLLOW_UP.UNKNOWN_OWNER');
    expect(code(task({ due: '15.05.2026' }))).toBe('FOLLOW_UP.BAD_DUE_DATE');
    expect(code(task({ due: '2026-02-30' }))).toBe('FOLLOW_UP.BAD_DUE_DATE');
    expect(code(task({ due: '2026-04-22' }))).toBe('FOLLOW_UP.DUE_BEFORE_MEETING');
    expect(code(task({ due: '2026-04-23' }))).toBeUndefined();
  });

  it('is done once', () => {
    const done = must(completeFollowUp(must(task()), new Date('2026-05-01T08:00:00Z')));
    expect(done).toMatchObject({ status: 'done', doneAt: '2026-05-01T08:00:00.000Z' });
    expect(code(completeFollowUp(done, new Date()))).toBe('FOLLOW_UP.ALREADY_DONE');
  });

  it('is overdue from the day after its due day in Oslo', () => {
    const t = must(task());
    expect(isOverdue(t, new Date('2026-05-15T21:59:00Z'))).toBe(false); // 23:59 on the 15th in Oslo
    expect(isOverdue(t, new Date('2026-05-15T22:00:00Z'))).toBe(true); // 00:00 on the 16th
    expect(isOverdue(must(completeFollowUp(t, started)), new Date('2026-06-01T08:00:00Z'))).toBe(false);
  });

  it('lists open tasks soonest due first', () => {
    const a = must(task({ id: 'a', due: '2026-06-01' }));
    const b = must(task({ id: 'b', due: '2026-05-01' }));
    const c = must(completeFollowUp(must(task({ id: 'c', due: '2026-04-30' })), started));
    expect(openTasks([a, b, c]).map((t) => t.id)).toEqual(['b', 'a']);
  });

  it('offers the next meeting of the body the open tasks of its earlier meetings, by case number', () => {
    const open = must(task({ id: 'open' }));
    const done = must(completeFollowUp(must(task({ id: 'done' })), started));
    const next = planned('m2', { start: '2026-06-11T08:00:00Z', end: '2026-06-11T10:00:00Z' }, [held]);
    const board = planned('b1', { bodyId: 'styret', start: '2026-06-11T08:00:00Z', end: '2026-06-11T10:00:00Z' });
    expect(tasksForReview([open, done], [held, next], next).map((t) => t.id)).toEqual(['open']);
    expect(tasksForReview([open], [held, board], board)).toEqual([]);
    expect(tasksForReview([open], [held], held)).toEqual([]);
  });
});
