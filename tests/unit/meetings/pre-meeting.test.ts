import { describe, expect, it } from 'vitest';
import { cancelMeeting, markHeld, moveMeeting } from '../../../src/domain/meeting';
import type { PreMeetingRule } from '../../../src/domain/pre-meeting';
import { derivePreMeeting, followMainMeeting, municipalMembers } from '../../../src/domain/pre-meeting';
import { code, context, must, now, org, planned } from './meeting-fixtures';

const twoHours: PreMeetingRule = {
  bodyId: 'osu',
  offset: { hours: 2 },
  durationMinutes: 60,
  attendees: 'municipal-members',
};
const fortnight: PreMeetingRule = { ...twoHours, offset: { days: 14 }, durationMinutes: 90 };

describe('deriving the pre-meeting', () => {
  it('2 hours before: from 08:00 to 09:00 Oslo time for a 10:00 meeting', () => {
    const { preMeeting, warnings } = must(derivePreMeeting(twoHours, planned(), org, now));
    expect(preMeeting).toMatchObject({
      meetingId: 'm1',
      start: '2026-04-23T06:00:00.000Z',
      end: '2026-04-23T07:00:00.000Z',
      state: 'planned',
      version: 1,
    });
    expect(warnings).toEqual([]);
  });

  it('14 days before across the October change keeps 10:00 Oslo time', () => {
    const m = planned('nov', { start: '2026-11-05T09:00:00Z', end: '2026-11-05T12:00:00Z' });
    const { preMeeting } = must(derivePreMeeting(fortnight, m, org, now));
    expect(preMeeting.start).toBe('2026-10-22T08:00:00.000Z');
    expect(preMeeting.end).toBe('2026-10-22T09:30:00.000Z');
  });

  it('calls the municipal members only, not the trust’s', () => {
    expect(must(derivePreMeeting(twoHours, planned(), org, now)).preMeeting.attendees).toEqual(['kari', 'ola', 'siri']);
  });

  it('calls the deputy in the place of a member who reported absence; no one for a seat without deputy', () => {
    expect(municipalMembers(org, 'osu', '2026-04-23', new Set(['ola']))).toEqual(['kari', 'eva', 'siri']);
    expect(municipalMembers(org, 'osu', '2026-04-23', new Set(['siri']))).toEqual(['kari', 'ola']);
  });

  it('refuses a rule that is not before, has no length, or runs into the main meeting', () => {
    const m = planned();
    expect(code(derivePreMeeting({ ...twoHours, offset: {} }, m, org, now))).toBe('MEETING.BAD_PRE_MEETING_OFFSET');
    expect(code(derivePreMeeting({ ...twoHours, offset: { hours: -2 } }, m, org, now))).toBe(
      'MEETING.BAD_PRE_MEETING_OFFSET',
    );
    expect(code(derivePreMeeting({ ...twoHours, durationMinutes: 0 }, m, org, now))).toBe(
      'MEETING.BAD_PRE_MEETING_DURATION',
    );
    expect(code(derivePreMeeting({ ...twoHours, durationMinutes: 121 }, m, org, now))).toBe(
      'MEETING.PRE_MEETING_OVERLAPS_MAIN',
    );
    expect(code(derivePreMeeting({ ...twoHours, durationMinutes: 120 }, m, org, now))).toBeUndefined();
    expect(code(derivePreMeeting({ ...twoHours, bodyId: 'styret' }, m, org, now))).toBe(
      'MEETING.PRE_MEETING_OTHER_BODY',
    );
  });

  it('warns when the pre-meeting would already be past (a meeting planned at short notice)', () => {
    const soon = planned('soon', { start: '2026-03-15T08:00:00Z', end: '2026-03-15T10:00:00Z' });
    expect(must(derivePreMeeting(fortnight, soon, org, now)).warnings).toEqual([
      { code: 'MEETING.PRE_MEETING_IN_PAST' },
    ]);
  });
});

describe('the pre-meeting follows its main meeting', () => {
  it('moves when the main meeting moves, with a new version', () => {
    const m = planned();
    const pre = must(derivePreMeeting(fortnight, m, org, now)).preMeeting;
    const moved = must(
      moveMeeting(m, { start: '2026-04-30T08:00:00Z', end: '2026-04-30T12:00:00Z' }, context()),
    ).meeting;
    expect(followMainMeeting(pre, fortnight, moved)).toMatchObject({
      start: '2026-04-16T08:00:00.000Z',
      version: 2,
      state: 'planned',
    });
  });

  it('is cancelled when the main meeting is', () => {
    const m = planned();
    const pre = must(derivePreMeeting(twoHours, m, org, now)).preMeeting;
    expect(followMainMeeting(pre, twoHours, must(cancelMeeting(m, now)))).toMatchObject({
      state: 'cancelled',
      version: 2,
    });
  });

  it('is left alone when nothing that matters changed, or the meeting was held', () => {
    const m = planned();
    const pre = must(derivePreMeeting(twoHours, m, org, now)).preMeeting;
    expect(followMainMeeting(pre, twoHours, { ...m, version: 5, notes: 'ny' })).toBe(pre);
    expect(followMainMeeting(pre, twoHours, must(markHeld(m, new Date('2026-04-23T08:00:00Z'))))).toBe(pre);
    expect(followMainMeeting(pre, twoHours, { ...m, id: 'other', start: '2026-04-30T08:00:00Z' })).toBe(pre);
  });
});
