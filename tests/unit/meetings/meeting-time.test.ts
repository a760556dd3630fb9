import { describe, expect, it } from 'vitest';
import {
  addOsloDays,
  instantBefore,
  intervalsOverlap,
  isInstant,
  offsetIsPositive,
  osloDate,
  osloInstant,
  osloWallClock,
  osloYear,
} from '../../../src/domain/oslo-time';

describe('Oslo wall-clock time', () => {
  it('reads an instant as Oslo shows it, summer and winter', () => {
    expect(osloWallClock('2026-07-01T08:00:00Z')).toMatchObject({ year: 2026, month: 7, day: 1, hour: 10 });
    expect(osloWallClock('2026-01-15T08:00:00Z')).toMatchObject({ month: 1, day: 15, hour: 9 });
  });

  it('turns a wall-clock time back into the instant, with the offset in force that day', () => {
    expect(osloInstant({ year: 2026, month: 10, day: 22, hour: 10, minute: 0, second: 0 })).toBe(
      '2026-10-22T08:00:00.000Z',
    );
    expect(osloInstant({ year: 2026, month: 11, day: 5, hour: 10, minute: 0, second: 0 })).toBe(
      '2026-11-05T09:00:00.000Z',
    );
  });

  it('moves a time skipped in spring forward by the hour skipped', () => {
    expect(osloInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 })).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('gives the date and year in Oslo, not in UTC', () => {
    expect(osloDate('2025-12-31T23:30:00Z')).toBe('2026-01-01');
    expect(osloYear('2025-12-31T23:30:00Z')).toBe(2026);
    expect(osloYear('2025-12-31T22:30:00Z')).toBe(2025);
  });
});

describe('offsets before a meeting (decision: days keep the Oslo clock, hours are elapsed)', () => {
  it('14 days before a 10:00 meeting after the October change is 10:00 Oslo time, 14 days and one hour earlier', () => {
    const main = '2026-11-05T09:00:00.000Z'; // Thursday 5 November, 10:00 CET
    const pre = instantBefore(main, { days: 14 });
    expect(pre).toBe('2026-10-22T08:00:00.000Z'); // Thursday 22 October, 10:00 CEST
    expect(osloWallClock(pre)).toMatchObject({ hour: 10, minute: 0 });
    expect(Date.parse(main) - Date.parse(pre)).toBe((14 * 24 + 1) * 3_600_000);
  });

  it('14 days before a meeting after the March change keeps 10:00 too', () => {
    expect(instantBefore('2026-04-09T08:00:00Z', { days: 14 })).toBe('2026-03-26T09:00:00.000Z');
  });

  it('2 hours before is two elapsed hours, also over the night the clocks go back', () => {
    const main = '2026-10-25T02:30:00Z'; // 03:30 CET, the hour after the change
    expect(instantBefore(main, { hours: 2 })).toBe('2026-10-25T00:30:00.000Z');
  });

  it('combines days and hours: days on the calendar first, then elapsed time', () => {
    expect(instantBefore('2026-11-05T09:00:00Z', { days: 14, hours: 2 })).toBe('2026-10-22T06:00:00.000Z');
  });

  it('adds calendar days forward as well as back', () => {
    expect(addOsloDays('2026-10-22T08:00:00Z', 14)).toBe('2026-11-05T09:00:00.000Z');
  });

  it('accepts only offsets that lie before, in whole units', () => {
    expect(offsetIsPositive({ hours: 2 })).toBe(true);
    expect(offsetIsPositive({ days: 14 })).toBe(true);
    expect(offsetIsPositive({})).toBe(false);
    expect(offsetIsPositive({ days: -1, hours: 30 })).toBe(false);
    expect(offsetIsPositive({ hours: 1.5 })).toBe(false);
  });
});

describe('instants and intervals', () => {
  it('needs an offset or Z on an instant', () => {
    expect(isInstant('2026-04-23T10:00:00+02:00')).toBe(true);
    expect(isInstant('2026-04-23T08:00:00Z')).toBe(true);
    expect(isInstant('2026-04-23T10:00:00')).toBe(false);
    expect(isInstant('2026-04-23')).toBe(false);
    expect(isInstant('2026-02-31T10:00:00Z')).toBe(true); // Date.parse rolls it; forms send real dates
  });

  it('treats intervals as half-open: back to back is no overlap', () => {
    const a = { start: '2026-04-23T08:00:00Z', end: '2026-04-23T10:00:00Z' };
    expect(intervalsOverlap(a, { start: '2026-04-23T10:00:00Z', end: '2026-04-23T11:00:00Z' })).toBe(false);
    expect(intervalsOverlap(a, { start: '2026-04-23T09:59:00Z', end: '2026-04-23T11:00:00Z' })).toBe(true);
  });
});
