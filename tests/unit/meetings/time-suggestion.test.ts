import { describe, expect, it } from 'vitest';
import { norwegianPublicHolidays } from '../../../src/domain/public-holidays';
import { OFFICE_HOURS, proposeSlots } from '../../../src/domain/time-suggestion';

// Monday 30 November 2026, Oslo is UTC+1 (winter time).
const window = { start: '2026-11-30T00:00:00+01:00', end: '2026-12-12T00:00:00+01:00' };
const base = { busy: [], window, durationMinutes: 120, workingHours: OFFICE_HOURS, count: 3 };

describe('proposing meeting times', () => {
  it('gives the first free slots inside working hours, on the grid', () => {
    expect(proposeSlots(base)).toEqual([
      { start: '2026-11-30T07:00:00.000Z', end: '2026-11-30T09:00:00.000Z' },
      { start: '2026-11-30T07:30:00.000Z', end: '2026-11-30T09:30:00.000Z' },
      { start: '2026-11-30T08:00:00.000Z', end: '2026-11-30T10:00:00.000Z' },
    ]);
  });

  it('skips busy times; a slot may start when a busy interval ends', () => {
    const busy = [
      { start: '2026-11-30T07:00:00Z', end: '2026-11-30T12:30:00Z' }, // 08:00–13:30 Oslo
      { start: '2026-11-30T14:30:00Z', end: '2026-11-30T15:00:00Z' },
    ];
    expect(proposeSlots({ ...base, busy, count: 2 })).toEqual([
      { start: '2026-11-30T12:30:00.000Z', end: '2026-11-30T14:30:00.000Z' }, // 13:30–15:30, ends as the next begins
      { start: '2026-12-01T07:00:00.000Z', end: '2026-12-01T09:00:00.000Z' },
    ]);
  });

  it('a meeting ends by the end of the working day', () => {
    const slots = proposeSlots({ ...base, durationMinutes: 480, count: 2 });
    expect(slots).toEqual([
      { start: '2026-11-30T07:00:00.000Z', end: '2026-11-30T15:00:00.000Z' },
      { start: '2026-12-01T07:00:00.000Z', end: '2026-12-01T15:00:00.000Z' },
    ]);
    expect(proposeSlots({ ...base, durationMinutes: 481 })).toEqual([]);
  });

  it('one a day when asked, skipping weekends', () => {
    const slots = proposeSlots({ ...base, count: 6, perDay: 1 });
    expect(slots.map((s) => s.start.slice(0, 10))).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-07',
    ]);
  });

  it('never before the window starts (now), never after it ends', () => {
    const late = { start: '2026-11-30T14:10:00Z', end: '2026-12-01T09:00:00Z' }; // 15:10 Oslo on Monday
    expect(proposeSlots({ ...base, window: late, durationMinutes: 30, count: 10 }).map((s) => s.start)).toEqual([
      '2026-11-30T14:30:00.000Z',
      '2026-12-01T07:00:00.000Z',
      '2026-12-01T07:30:00.000Z',
      '2026-12-01T08:00:00.000Z',
      '2026-12-01T08:30:00.000Z', // ends as the window does
    ]);
  });

  it('keeps Oslo wall-clock hours across daylight saving', () => {
    const spring = { start: '2026-03-27T00:00:00+01:00', end: '2026-03-31T00:00:00+02:00' }; // summer time from Sunday 29 March
    const slots = proposeSlots({ ...base, window: spring, count: 2, perDay: 1 });
    expect(slots.map((s) => s.start)).toEqual(['2026-03-27T07:00:00.000Z', '2026-03-30T06:00:00.000Z']);
  });

  it('skips Norwegian public holidays', () => {
    // Easter 2027 is 28 March: Maundy Thursday 25, Good Friday 26, Easter Monday 29 March.
    const easter = { start: '2027-03-24T00:00:00+01:00', end: '2027-04-02T00:00:00+02:00' };
    const days = proposeSlots({ ...base, window: easter, count: 5, perDay: 1 }).map((s) => s.start.slice(0, 10));
    expect(days).toEqual(['2027-03-24', '2027-03-30', '2027-03-31', '2027-04-01']);
    expect(
      proposeSlots({
        ...base,
        window: easter,
        count: 5,
        perDay: 1,
        workingHours: { ...OFFICE_HOURS, skipPublicHolidays: false },
      }).map((s) => s.start.slice(0, 10)),
    ).toContain('2027-03-25');
  });

  it('nothing for a window with no room, a bad duration or no count', () => {
    const busy = [{ start: window.start, end: window.end }];
    expect(proposeSlots({ ...base, busy })).toEqual([]);
    expect(proposeSlots({ ...base, durationMinutes: 0 })).toEqual([]);
    expect(proposeSlots({ ...base, count: 0 })).toEqual([]);
  });
});

describe('Norwegian public holidays', () => {
  it('has the fixed and the Easter-based days', () => {
    expect([...norwegianPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-17',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(norwegianPublicHolidays(2027).has('2027-05-06')).toBe(true); // Ascension Day
    expect(norwegianPublicHolidays(2027).has('2027-05-17')).toBe(true);
  });
});
