import { describe, expect, it } from 'vitest';
import { readDeadline, readHearingForm } from '../../../src/app/hearings/hearing-form';
import { must } from './hearing-fixtures';

const now = new Date('2026-12-02T13:00:00Z'); // Wednesday 2 December 2026

describe('the hearing form as the server reads it', () => {
  it('takes a deadline as ISO or Norwegian date, at noon Oslo time unless a time is given', () => {
    expect(must(readDeadline('2026-12-15', now))).toBe('2026-12-15T11:00:00.000Z');
    expect(must(readDeadline('15.12.2026 kl. 14.30', now))).toBe('2026-12-15T13:30:00.000Z');
    expect(must(readDeadline('1.6.2026 9:00', now))).toBe('2026-06-01T07:00:00.000Z'); // summer time
    expect(must(readDeadline('  ', now))).toBeUndefined();
    // What Norwegians write is read by the one Oslo reader: "i morgen", "fredag kl. 9", "15/12/2026".
    expect(must(readDeadline('i morgen', now))).toBe('2026-12-03T11:00:00.000Z');
    expect(must(readDeadline('fredag kl. 9', now))).toBe('2026-12-04T08:00:00.000Z');
    expect(must(readDeadline('15/12/2026', now))).toBe('2026-12-15T11:00:00.000Z');
    for (const bad of ['2026-02-30', 'snart', '2026-12-15 25:00', 'kl. 9'])
      expect(readDeadline(bad, now).ok, bad).toBe(false);
  });

  it('reads questions one per line, links by whitespace, municipalities from the multi-select and reminder days', () => {
    const draft = must(
      readHearingForm(
        {
          title: ' Ny forskrift ',
          issuer: 'Helsedirektoratet',
          externalDeadline: '2026-12-15',
          internalDeadline: '',
          documents: 'https://a.no/1.pdf\nhttps://a.no/2.pdf ',
          questions: 'Første?\r\n\r\nAndre?',
          municipalities: '3305,3310',
          background: '',
          reminders: '3; 1',
        },
        now,
      ),
    );
    expect(draft).toEqual({
      title: 'Ny forskrift',
      issuer: 'Helsedirektoratet',
      documents: ['https://a.no/1.pdf', 'https://a.no/2.pdf'],
      externalDeadline: '2026-12-15T11:00:00.000Z',
      questions: ['Første?', 'Andre?'],
      municipalities: ['3305', '3310'],
      background: '',
      reminderDaysBefore: [3, 1],
    });
  });

  it('refuses a deadline it cannot read, before the domain sees anything', () => {
    const r = readHearingForm({ title: 'x', issuer: 'y', externalDeadline: 'snart' }, now);
    expect(r.ok ? undefined : r.error.code).toBe('HEARING.BAD_DEADLINE');
  });
});
