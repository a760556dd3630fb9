import { describe, expect, it } from 'vitest';
import { absentMemberIds, reportAbsence, withAbsence } from '../../../src/domain/absence';
import { membersElectorate } from '../../../src/domain/electorate';
import { cancelMeeting, markHeld } from '../../../src/domain/meeting';
import { code, must, now, org, planned } from './meeting-fixtures';

describe('forfall', () => {
  it('records the reason and names the deputy to invite', () => {
    const a = must(reportAbsence(org, planned(), [], { memberId: 'ola', reason: ' Syk ' }, now));
    expect(a).toEqual({
      meetingId: 'm1',
      memberId: 'ola',
      reason: 'Syk',
      reportedAt: now.toISOString(),
      deputiesCalled: ['eva'],
    });
  });

  it('calls no one for a member without a deputy, but records the absence', () => {
    expect(must(reportAbsence(org, planned(), [], { memberId: 'siri', reason: 'Ferie' }, now)).deputiesCalled).toEqual(
      [],
    );
  });

  it('gives the absent ids that make the deputy stand in for the vote', () => {
    const m = planned();
    const absences = withAbsence([], must(reportAbsence(org, m, [], { memberId: 'ola', reason: 'Syk' }, now)));
    const absent = absentMemberIds(absences, 'm1');
    expect([...absent]).toEqual(['ola']);
    expect(absentMemberIds(absences, 'other').size).toBe(0);
    expect(membersElectorate(org, 'osu', '2026-04-23', absent).voters.find((v) => v.key === 'ola')?.casters).toEqual([
      'eva',
    ]);
  });

  it('keeps the first report’s time when reported again, so the deputy is not invited twice', () => {
    const m = planned();
    const first = must(reportAbsence(org, m, [], { memberId: 'ola', reason: 'Syk' }, now));
    const again = must(
      reportAbsence(
        org,
        m,
        [first],
        { memberId: 'ola', reason: 'Syk, lege sier en uke' },
        new Date('2026-03-12T08:00:00Z'),
      ),
    );
    expect(again).toMatchObject({ reason: 'Syk, lege sier en uke', reportedAt: now.toISOString() });
    expect(withAbsence([first], again)).toEqual([again]);
  });

  it('refuses without a reason, with a very long one, from someone not called, and for a meeting that is over', () => {
    const m = planned();
    expect(code(reportAbsence(org, m, [], { memberId: 'ola', reason: '  ' }, now))).toBe(
      'MEETING.ABSENCE_REASON_REQUIRED',
    );
    expect(code(reportAbsence(org, m, [], { memberId: 'ola', reason: 'x'.repeat(501) }, now))).toBe(
      'MEETING.ABSENCE_REASON_TOO_LONG',
    );
    expect(code(reportAbsence(org, m, [], { memberId: 'eva', reason: 'Syk' }, now))).toBe('MEETING.NOT_CALLED');
    expect(code(reportAbsence(org, m, [], { memberId: 'lars', reason: 'Syk' }, now))).toBe('MEETING.NOT_CALLED');
    expect(code(reportAbsence(org, must(cancelMeeting(m, now)), [], { memberId: 'ola', reason: 'Syk' }, now))).toBe(
      'MEETING.CANCELLED',
    );
    expect(
      code(
        reportAbsence(
          org,
          must(markHeld(m, new Date('2026-04-23T09:00:00Z'))),
          [],
          { memberId: 'ola', reason: 'Syk' },
          now,
        ),
      ),
    ).toBe('MEETING.HELD');
  });
});
