import { describe, expect, it } from 'vitest';
import {
  closeHearing,
  extendDeadline,
  HEARING_TEXT_MAX,
  hearingReminders,
  MAX_QUESTIONS,
  registerHearing,
} from '../../../src/domain/hearing';
import { code, draft, hearing, municipalities, must, now } from './hearing-fixtures';

const register = (extra: object) =>
  registerHearing({ ...draft, ...extra }, municipalities, { id: 'H1', by: 'koord' }, now);

describe('registering a hearing', () => {
  it('by default asks every member municipality, by an internal deadline a week before the external one', () => {
    const h = hearing();
    expect(h.municipalities).toEqual(municipalities);
    expect(h.internalDeadline).toBe('2026-04-08T10:00:00.000Z');
    expect(h.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(h.reminderDaysBefore).toEqual([5, 2, 0]);
    expect(h).toMatchObject({ state: 'open', version: 1, registeredBy: 'koord' });
  });

  it('takes an internal deadline, a subset of municipalities and reminder days the coordinator chose', () => {
    const h = must(
      register({
        internalDeadline: '2026-04-01T10:00:00Z',
        municipalities: ['3310', '3310'],
        reminderDaysBefore: [1, 3],
      }),
    );
    expect(h.internalDeadline).toBe('2026-04-01T10:00:00.000Z');
    expect(h.municipalities).toEqual(['3310']);
    expect(h.reminderDaysBefore).toEqual([3, 1]);
  });

  it('drops blank questions and keeps the order', () => {
    expect(must(register({ questions: ['', ' A ', '  ', 'B'] })).questions).toEqual([
      { id: 'q1', text: 'A' },
      { id: 'q2', text: 'B' },
    ]);
  });

  it.each([
    [{ title: '  ' }, 'HEARING.TITLE_REQUIRED'],
    [{ title: 'x'.repeat(201) }, 'HEARING.TITLE_TOO_LONG'],
    [{ issuer: '' }, 'HEARING.ISSUER_REQUIRED'],
    [{ externalDeadline: undefined }, 'HEARING.NO_DEADLINE'],
    [{ externalDeadline: '15.04.2026' }, 'HEARING.BAD_DEADLINE'],
    [{ externalDeadline: '2026-03-01T10:00:00Z' }, 'HEARING.DEADLINE_IN_PAST'],
    [{ externalDeadline: '2026-03-12T10:00:00Z' }, 'HEARING.DEFAULT_INTERNAL_IN_PAST'],
    [{ internalDeadline: '2026-03-09T10:00:00Z' }, 'HEARING.INTERNAL_DEADLINE_IN_PAST'],
    [{ internalDeadline: '2026-04-20T10:00:00Z' }, 'HEARING.INTERNAL_AFTER_EXTERNAL'],
    [{ questions: Array.from({ length: MAX_QUESTIONS + 1 }, (_, i) => `Q${i}`) }, 'HEARING.TOO_MANY_QUESTIONS'],
    [{ questions: ['x'.repeat(501)] }, 'HEARING.QUESTION_TOO_LONG'],
    [{ background: 'x'.repeat(HEARING_TEXT_MAX + 1) }, 'HEARING.TEXT_TOO_LONG'],
    [{ documents: ['regjeringen.no/horing'] }, 'HEARING.BAD_LINK'],
    [{ municipalities: ['9999'] }, 'HEARING.UNKNOWN_MUNICIPALITY'],
    [{ reminderDaysBefore: [-1] }, 'HEARING.BAD_REMINDERS'],
    [{ reminderDaysBefore: [1.5] }, 'HEARING.BAD_REMINDERS'],
  ])('refuses %j with %s', (extra, expected) => {
    expect(code(register(extra))).toBe(expected);
  });

  it('says the limit when a text is too long', () => {
    const r = register({ background: 'x'.repeat(HEARING_TEXT_MAX + 1) });
    expect(r.ok ? undefined : r.error.params).toEqual({ max: HEARING_TEXT_MAX });
  });
});

describe('reminders', () => {
  it('go out at 09:00 Oslo 5, 2 and 0 days before the internal deadline; the last one also to deputies', () => {
    const r = hearingReminders(hearing(), now); // internal deadline 8 April 12:00 CEST
    expect(r).toEqual([
      { at: '2026-04-03T07:00:00.000Z', toDeputies: false },
      { at: '2026-04-06T07:00:00.000Z', toDeputies: false },
      { at: '2026-04-08T07:00:00.000Z', toDeputies: true },
    ]);
  });

  it('drops times already past and times not before the deadline', () => {
    const h = { ...hearing(), internalDeadline: '2026-04-08T06:00:00.000Z' }; // 08:00 Oslo: the 09:00 reminder that day is too late
    expect(hearingReminders(h, new Date('2026-04-04T00:00:00Z')).map((r) => r.at)).toEqual([
      '2026-04-06T07:00:00.000Z',
    ]);
    expect(hearingReminders(h, new Date('2026-04-04T00:00:00Z'))[0]?.toDeputies).toBe(true);
  });
});

describe('after the deadline', () => {
  it('extending moves the deadline, bumps the version and keeps the history', () => {
    const h = must(extendDeadline(hearing(), { internalDeadline: '2026-04-10T10:00:00Z', by: 'koord' }, now));
    expect(h.internalDeadline).toBe('2026-04-10T10:00:00.000Z');
    expect(h.version).toBe(2);
    expect(h.extensions).toEqual([
      { from: '2026-04-08T10:00:00.000Z', to: '2026-04-10T10:00:00.000Z', at: now.toISOString(), by: 'koord' },
    ]);
  });

  it('refuses an extension that is not later, is past, lands after the external deadline, or comes after closing', () => {
    const h = hearing();
    expect(code(extendDeadline(h, { internalDeadline: '2026-04-07T10:00:00Z', by: 'koord' }, now))).toBe(
      'HEARING.NOT_LATER',
    );
    expect(code(extendDeadline(h, { internalDeadline: '2026-04-20T10:00:00Z', by: 'koord' }, now))).toBe(
      'HEARING.INTERNAL_AFTER_EXTERNAL',
    );
    expect(code(extendDeadline(h, { internalDeadline: 'soon', by: 'koord' }, now))).toBe('HEARING.BAD_DEADLINE');
    expect(
      code(
        extendDeadline(h, { internalDeadline: '2026-04-10T10:00:00Z', by: 'koord' }, new Date('2026-04-11T00:00:00Z')),
      ),
    ).toBe('HEARING.INTERNAL_DEADLINE_IN_PAST');
    expect(
      must(
        extendDeadline(
          h,
          { internalDeadline: '2026-04-20T10:00:00Z', externalDeadline: '2026-04-25T10:00:00Z', by: 'koord' },
          now,
        ),
      ).externalDeadline,
    ).toBe('2026-04-25T10:00:00.000Z');
    const closed = must(closeHearing(h, 'koord', now));
    expect(code(extendDeadline(closed, { internalDeadline: '2026-04-10T10:00:00Z', by: 'koord' }, now))).toBe(
      'HEARING.CLOSED',
    );
  });

  it('closing records who and when, once', () => {
    const closed = must(closeHearing(hearing(), 'koord', now));
    expect(closed).toMatchObject({ state: 'closed', closedBy: 'koord', closedAt: now.toISOString() });
    expect(code(closeHearing(closed, 'koord', now))).toBe('HEARING.CLOSED');
  });
});
