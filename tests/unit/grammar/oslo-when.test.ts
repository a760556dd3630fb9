import { describe, expect, it } from 'vitest';
import { osloInstantAt, readClockTime, readWhen } from '../../../src/domain/oslo-when';

// Wednesday 2 December 2026, 14:38 in Oslo (13:38 UTC, winter time).
const now = new Date('2026-12-02T13:38:00Z');

describe('the Oslo date and time reader', () => {
  it.each([
    ['9:00', { time: { hour: 9, minute: 0 } }],
    ['09.00', { time: { hour: 9, minute: 0 } }],
    ['kl. 9', { time: { hour: 9, minute: 0 } }],
    ['kl 9.30', { time: { hour: 9, minute: 30 } }],
    ['kl.9', { time: { hour: 9, minute: 0 } }],
    ['9am', { time: { hour: 9, minute: 0 } }],
    ['9 pm', { time: { hour: 21, minute: 0 } }],
    ['12am', { time: { hour: 0, minute: 0 } }],
    ['15.12.2026', { date: '2026-12-15' }],
    ['15.12', { date: '2026-12-15' }],
    ['15.12.', { date: '2026-12-15' }],
    ['1.12', { date: '2027-12-01' }],
    ['2.12', { date: '2026-12-02' }],
    ['15.12.26', { date: '2026-12-15' }],
    ['2026-12-15', { date: '2026-12-15' }],
    ['i dag', { date: '2026-12-02' }],
    ['I morgen', { date: '2026-12-03' }],
    ['overimorgen', { date: '2026-12-04' }],
    ['tomorrow', { date: '2026-12-03' }],
    ['today', { date: '2026-12-02' }],
    ['tirsdag', { date: '2026-12-08' }],
    ['onsdag', { date: '2026-12-09' }],
    ['torsdag', { date: '2026-12-03' }],
    ['neste tirsdag', { date: '2026-12-08' }],
    ['neste fredag', { date: '2026-12-11' }],
    ['Tuesday', { date: '2026-12-08' }],
    ['next Tuesday', { date: '2026-12-08' }],
    ['next Friday', { date: '2026-12-11' }],
    ['på fredag', { date: '2026-12-04' }],
    ['2026-12-15 9:00', { date: '2026-12-15', time: { hour: 9, minute: 0 } }],
    ['15.12.2026 kl. 9.30', { date: '2026-12-15', time: { hour: 9, minute: 30 } }],
    ['i morgen kl 14', { date: '2026-12-03', time: { hour: 14, minute: 0 } }],
    ['tomorrow 9am', { date: '2026-12-03', time: { hour: 9, minute: 0 } }],
    ['9am tomorrow', { date: '2026-12-03', time: { hour: 9, minute: 0 } }],
    ['2026-12-17 10.00–12.00', { date: '2026-12-17', time: { hour: 10, minute: 0 }, endTime: { hour: 12, minute: 0 } }],
    [
      '2026-12-17 10:00 - 12:00',
      { date: '2026-12-17', time: { hour: 10, minute: 0 }, endTime: { hour: 12, minute: 0 } },
    ],
    [
      'tirsdag kl. 10 til kl. 12',
      { date: '2026-12-08', time: { hour: 10, minute: 0 }, endTime: { hour: 12, minute: 0 } },
    ],
  ])('reads %s', (typed, expected) => {
    expect(readWhen(typed, now)).toEqual(expected);
  });

  it.each(['9', '31.11.2026', '2026-02-30', '25:00', '9:60', '13pm', 'kaffe', 'i går', '2026-12-15 9:00 kaffe', ''])(
    'refuses %s',
    (typed) => {
      expect(readWhen(typed, now)).toBeUndefined();
    },
  );

  it('a weekday typed on that weekday is next week, never today', () => {
    expect(readWhen('onsdag', now)).toEqual({ date: '2026-12-09' });
  });

  it('every weekday name lands on that weekday, within the next 7 days; "neste" in next week', () => {
    const names = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
    for (let offset = 0; offset < 14; offset++) {
      const day = new Date(now.getTime() + offset * 86_400_000);
      const today = Date.parse(day.toISOString().slice(0, 10));
      names.forEach((name, k) => {
        const plain = readWhen(name, day)!.date!;
        const next = readWhen(`neste ${name}`, day)!.date!;
        expect((new Date(plain).getUTCDay() + 6) % 7).toBe(k);
        expect((new Date(next).getUTCDay() + 6) % 7).toBe(k);
        const ahead = (Date.parse(plain) - today) / 86_400_000;
        expect(ahead).toBeGreaterThanOrEqual(1);
        expect(ahead).toBeLessThanOrEqual(7);
        const weeksAhead = (Date.parse(next) - today) / 86_400_000;
        expect(weeksAhead).toBeGreaterThanOrEqual(1);
        expect(weeksAhead).toBeLessThanOrEqual(13);
      });
    }
  });

  it('every clock time written three ways reads the same', () => {
    for (let hour = 0; hour < 24; hour++) {
      for (const minute of [0, 5, 30, 59]) {
        const mm = String(minute).padStart(2, '0');
        const expected = { hour, minute };
        expect(readClockTime(`${hour}:${mm}`)).toEqual(expected);
        expect(readClockTime(`${String(hour).padStart(2, '0')}.${mm}`)).toEqual(expected);
        expect(readWhen(`kl. ${hour}.${mm}`, now)).toEqual({ time: expected });
      }
    }
  });

  it('is DST-correct: 9:00 is 08:00Z in winter and 07:00Z in summer, also across the change', () => {
    expect(osloInstantAt('2026-12-15', { hour: 9, minute: 0 })).toBe('2026-12-15T08:00:00.000Z');
    expect(osloInstantAt('2027-06-15', { hour: 9, minute: 0 })).toBe('2027-06-15T07:00:00.000Z');
    expect(osloInstantAt('2027-03-28', { hour: 9, minute: 0 })).toBe('2027-03-28T07:00:00.000Z'); // the spring change
    expect(osloInstantAt('2027-03-27', { hour: 9, minute: 0 })).toBe('2027-03-27T08:00:00.000Z');
    expect(osloInstantAt('2026-10-25', { hour: 9, minute: 0 })).toBe('2026-10-25T08:00:00.000Z'); // the autumn change
    expect(osloInstantAt('2026-10-24', { hour: 9, minute: 0 })).toBe('2026-10-24T07:00:00.000Z');
  });

  it('"i dag" is Oslo\'s date, not UTC\'s, just after midnight', () => {
    expect(readWhen('i dag', new Date('2026-12-02T23:30:00Z'))).toEqual({ date: '2026-12-03' });
  });
});
