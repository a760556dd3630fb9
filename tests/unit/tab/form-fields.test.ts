import { describe, expect, it } from 'vitest';
import { refusedField } from '../../../src/app/my-work/form-fields';
import { readHearingForm } from '../../../src/app/hearings/hearing-form';
import { readMeetingForm } from '../../../src/app/meetings/meeting-form';
import { domainError } from '../../../src/domain/result';

const now = new Date('2026-11-23T10:00:00Z');

describe('which field a refused form is about', () => {
  it("names the card's own input ids", () => {
    expect(refusedField(domainError('MEETING.TITLE_REQUIRED'), {}, now)).toBe('title');
    expect(refusedField(domainError('MEETING.END_NOT_AFTER_START'), {}, now)).toBe('endTime');
    expect(refusedField(domainError('AGENDA.BAD_DOCUMENT_LINK'), {}, now)).toBe('documents');
    expect(refusedField(domainError('HEARING.NO_MUNICIPALITIES'), {}, now)).toBe('municipalities');
  });

  it('has no field for a refusal about the whole form', () => {
    expect(refusedField(domainError('MEETING.CHANGED'), {}, now)).toBeUndefined();
  });

  it("marks the meeting's date when the form's own reader cannot read the time", () => {
    const read = readMeetingForm({ title: 'Møte', date: '', startTime: '10:00', endTime: '11:00' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(refusedField(read.error, {}, now)).toBe('date');
  });

  it('marks the deadline the hearing form could not read, the external or the internal one', () => {
    const external = { externalDeadline: 'i morgen tidlig kanskje', internalDeadline: '' };
    const internal = { externalDeadline: '2027-01-15', internalDeadline: 'snart' };
    for (const [data, field] of [
      [external, 'externalDeadline'],
      [internal, 'internalDeadline'],
    ] as const) {
      const read = readHearingForm(data, now);
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.error.code).toBe('HEARING.BAD_DEADLINE');
        expect(refusedField(read.error, data, now)).toBe(field);
      }
    }
  });
});
