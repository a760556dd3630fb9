import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/meeting';
import {
  cancelMeeting,
  editMeetingDetails,
  markHeld,
  meetingProblems,
  moveMeeting,
  nextMeetingNumber,
  planMeeting,
  previousHeldMeeting,
} from '../../../src/domain/meeting';
import { code, context, details, must, now, planned } from './meeting-fixtures';

const codes = (d: Parameters<typeof meetingProblems>[0], meetings: Meeting[] = []) =>
  meetingProblems(d, context(meetings)).map((p) => p.code);

describe('planning a meeting', () => {
  it('plans with number 1, version 1, and normalised UTC instants', () => {
    const r = must(planMeeting('m1', { ...details, start: '2026-04-23T10:00:00+02:00' }, context()));
    expect(r.meeting).toMatchObject({ id: 'm1', bodyId: 'osu', state: 'planned', year: 2026, number: 1, version: 1 });
    expect(r.meeting.start).toBe('2026-04-23T08:00:00.000Z');
    expect(r.warnings).toEqual([]);
  });

  it('requires a body that exists, a title, a place or a Teams meeting', () => {
    expect(codes({ ...details, bodyId: '' })).toEqual(['MEETING.BODY_REQUIRED']);
    expect(codes({ ...details, bodyId: 'lsu-x' })).toEqual(['MEETING.UNKNOWN_BODY']);
    expect(codes({ ...details, title: '  ' })).toEqual(['MEETING.TITLE_REQUIRED']);
    expect(codes({ ...details, place: ' ', online: false })).toEqual(['MEETING.PLACE_REQUIRED']);
    expect(codes({ ...details, place: undefined, online: true })).toEqual([]);
    expect(codes({ ...details, joinUrl: 'teams:meeting' })).toEqual(['MEETING.BAD_JOIN_URL']);
  });

  it('reports every broken rule with its form field, for the card', () => {
    const problems = meetingProblems({ ...details, title: '', place: undefined, online: false }, context());
    expect(problems).toEqual([
      { code: 'MEETING.TITLE_REQUIRED', params: { field: 'title' } },
      { code: 'MEETING.PLACE_REQUIRED', params: { field: 'place' } },
    ]);
  });

  it('refuses an end not after the start', () => {
    expect(code(planMeeting('m1', { ...details, end: details.start }, context()))).toBe('MEETING.END_NOT_AFTER_START');
    expect(code(planMeeting('m1', { ...details, end: '2026-04-23T07:00:00Z' }, context()))).toBe(
      'MEETING.END_NOT_AFTER_START',
    );
  });

  it('refuses times that are not instants, without also claiming they are in the past', () => {
    expect(codes({ ...details, start: '2026-04-23T10:00' })).toEqual(['MEETING.BAD_TIME']);
  });

  it('refuses a meeting in the past or starting now', () => {
    expect(
      code(planMeeting('m1', { ...details, start: '2026-03-09T08:00:00Z', end: '2026-03-09T10:00:00Z' }, context())),
    ).toBe('MEETING.IN_PAST');
    expect(code(planMeeting('m1', { ...details, start: now.toISOString() }, context()))).toBe('MEETING.IN_PAST');
  });

  it('warns, but plans, when it overlaps a meeting of the same body', () => {
    const first = planned('m1');
    const r = must(
      planMeeting('m2', { ...details, start: '2026-04-23T11:00:00Z', end: '2026-04-23T13:00:00Z' }, context([first])),
    );
    expect(r.warnings).toEqual([{ code: 'MEETING.OVERLAPS', params: { meetingId: 'm1', title: 'OSU-møte' } }]);
  });

  it('does not warn for another body, a cancelled meeting, or back to back', () => {
    const board = planned('b1', { bodyId: 'styret' });
    const cancelled = must(cancelMeeting(planned('m0'), now));
    const before = planned('m1', { start: '2026-04-23T06:00:00Z', end: details.start });
    expect(must(planMeeting('m2', details, context([board, cancelled, before]))).warnings).toEqual([]);
  });

  it('numbers meetings per body and year, never reusing a cancelled one’s number', () => {
    const a = planned('a');
    const b = planned('b', { start: '2026-05-23T08:00:00Z', end: '2026-05-23T10:00:00Z' }, [a]);
    expect(b.number).toBe(2);
    const c = planned('c', { start: '2026-06-23T08:00:00Z', end: '2026-06-23T10:00:00Z' }, [
      a,
      must(cancelMeeting(b, now)),
    ]);
    expect(c.number).toBe(3);
    expect(planned('s', { bodyId: 'styret' }, [a, b]).number).toBe(1);
    expect(planned('n', { start: '2027-01-14T08:00:00Z', end: '2027-01-14T10:00:00Z' }, [a, b, c])).toMatchObject({
      year: 2027,
      number: 1,
    });
    expect(nextMeetingNumber([a, b, c], 'osu', 2026)).toBe(4);
  });

  it('counts the year in Oslo: 00:30 on New Year’s Day is the new year', () => {
    expect(planned('ny', { start: '2026-12-31T23:30:00Z', end: '2027-01-01T01:00:00Z' }).year).toBe(2027);
  });
});

describe('moving, editing, cancelling and holding', () => {
  const to = { start: '2026-04-24T08:00:00Z', end: '2026-04-24T12:00:00Z' };

  it('moves a planned meeting, keeping its number and raising its version', () => {
    const m = planned();
    const moved = must(moveMeeting(m, to, context()));
    expect(moved.meeting).toMatchObject({ start: '2026-04-24T08:00:00.000Z', number: 1, version: 2 });
  });

  it('checks the new times like new ones, and warns of overlap, but not with itself', () => {
    const m = planned();
    expect(code(moveMeeting(m, { start: to.end, end: to.start }, context()))).toBe('MEETING.END_NOT_AFTER_START');
    expect(code(moveMeeting(m, { start: '2026-03-01T08:00:00Z', end: '2026-03-01T09:00:00Z' }, context()))).toBe(
      'MEETING.IN_PAST',
    );
    const other = planned('m2', { start: to.start, end: to.end });
    expect(
      must(moveMeeting(m, { start: '2026-04-23T09:00:00Z', end: '2026-04-23T13:00:00Z' }, context([m]))).warnings,
    ).toEqual([]);
    expect(must(moveMeeting(m, to, context([m, other]))).warnings.map((w) => w.code)).toEqual(['MEETING.OVERLAPS']);
  });

  it('refuses a move into another year, which would make its numbers wrong', () => {
    expect(
      code(moveMeeting(planned(), { start: '2027-01-10T08:00:00Z', end: '2027-01-10T09:00:00Z' }, context())),
    ).toBe('MEETING.MOVE_CHANGES_YEAR');
  });

  it('cancels with a reason, once', () => {
    const c = must(cancelMeeting(planned(), now, ' Sykdom '));
    expect(c).toMatchObject({ state: 'cancelled', cancelled: { at: now.toISOString(), reason: 'Sykdom' }, version: 2 });
    expect(code(cancelMeeting(c, now))).toBe('MEETING.CANCELLED');
    expect(code(moveMeeting(c, to, context()))).toBe('MEETING.CANCELLED');
  });

  it('is cancelled only before it begins, with a reason of at most 500 characters', () => {
    const m = planned();
    expect(code(cancelMeeting(m, new Date(m.start)))).toBe('MEETING.ALREADY_BEGUN');
    expect(code(cancelMeeting(m, now, 'x'.repeat(501)))).toBe('MEETING.CANCEL_REASON_TOO_LONG');
    expect(must(cancelMeeting(m, now, 'x'.repeat(500))).state).toBe('cancelled');
  });

  it('is held once begun, and then is history', () => {
    const m = planned();
    expect(code(markHeld(m, now))).toBe('MEETING.NOT_STARTED');
    const held = must(markHeld(m, new Date('2026-04-23T08:00:00Z')));
    expect(held.state).toBe('held');
    expect(code(moveMeeting(held, to, context()))).toBe('MEETING.HELD');
    expect(code(cancelMeeting(held, now))).toBe('MEETING.HELD');
    expect(code(editMeetingDetails(held, { notes: 'x' }, context()))).toBe('MEETING.HELD');
    expect(code(markHeld(must(cancelMeeting(m, now)), new Date('2026-04-23T09:00:00Z')))).toBe('MEETING.CANCELLED');
  });

  it('edits place and notes under the same rules, raising the version', () => {
    const m = planned();
    expect(must(editMeetingDetails(m, { notes: 'Lunsj serveres' }, context()))).toMatchObject({
      notes: 'Lunsj serveres',
      version: 2,
    });
    expect(code(editMeetingDetails(m, { place: '', online: false }, context()))).toBe('MEETING.PLACE_REQUIRED');
    expect(code(editMeetingDetails(m, { title: '' }, context()))).toBe('MEETING.TITLE_REQUIRED');
  });

  it('finds the previous held meeting of the same body, whose minutes come up first', () => {
    const jan = must(
      markHeld(
        planned('jan', { start: '2026-03-11T08:00:00Z', end: '2026-03-11T09:00:00Z' }),
        new Date('2026-03-11T08:00:00Z'),
      ),
    );
    const feb = must(
      cancelMeeting(planned('feb', { start: '2026-03-20T08:00:00Z', end: '2026-03-20T09:00:00Z' }), now),
    );
    const board = must(
      markHeld(
        planned('b', { bodyId: 'styret', start: '2026-03-21T08:00:00Z', end: '2026-03-21T09:00:00Z' }),
        new Date('2026-03-21T08:00:00Z'),
      ),
    );
    expect(previousHeldMeeting([jan, feb, board], planned())?.id).toBe('jan');
  });
});
