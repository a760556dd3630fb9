import { describe, expect, it } from 'vitest';
import { editItem, withdrawItem } from '../../../src/domain/agenda';
import type { InputAnswer, InputSubmission } from '../../../src/domain/input';
import { answerHistory, countingAnswer, giveInput, INPUT_TEXT_MAX, latestAnswer } from '../../../src/domain/input';
import type { InputRequest } from '../../../src/domain/input-request';
import { planInputRequest, reminderTimes } from '../../../src/domain/input-request';
import { cancelMeeting } from '../../../src/domain/meeting';
import type { PreMeeting } from '../../../src/domain/pre-meeting';
import { derivePreMeeting } from '../../../src/domain/pre-meeting';
import { code, municipalities, must, now, org, planned, withTwoCases } from './meeting-fixtures';

const fortnight = { bodyId: 'osu', offset: { days: 14 }, durationMinutes: 60, attendees: 'municipal-members' } as const;

describe('when input is asked for and due', () => {
  it('by default: cards 7 days before the pre-meeting, deadline a day before it, reminders 3 and 1 days before the deadline', () => {
    const m = planned(); // 23 April 10:00; pre-meeting 9 April 10:00
    const pre = must(derivePreMeeting(fortnight, m, org, now)).preMeeting;
    const r = must(planInputRequest(m, pre, municipalities, {}, now));
    expect(r.sendAt).toBe('2026-04-02T08:00:00.000Z');
    expect(r.deadline).toBe('2026-04-08T08:00:00.000Z');
    expect(r.reminders).toEqual(['2026-04-05T08:00:00.000Z', '2026-04-07T08:00:00.000Z']);
  });

  it('keeps the Oslo clock when the lead time crosses the March change', () => {
    const m = planned('m', { start: '2026-04-02T08:00:00Z', end: '2026-04-02T10:00:00Z' }); // 10:00 CEST
    const r = must(planInputRequest(m, undefined, municipalities, {}, now));
    expect(r.sendAt).toBe('2026-03-26T09:00:00.000Z'); // 10:00 CET
  });

  it('counts from the meeting itself where the body holds no pre-meeting, or the pre-meeting was cancelled', () => {
    const m = planned();
    expect(must(planInputRequest(m, undefined, municipalities, {}, now)).deadline).toBe('2026-04-22T08:00:00.000Z');
    const pre: PreMeeting = { ...must(derivePreMeeting(fortnight, m, org, now)).preMeeting, state: 'cancelled' };
    expect(must(planInputRequest(m, pre, municipalities, {}, now)).deadline).toBe('2026-04-22T08:00:00.000Z');
  });

  it('sends at once when the lead time has passed, and drops reminders before the cards go out', () => {
    const m = planned('soon', { start: '2026-03-14T08:00:00Z', end: '2026-03-14T10:00:00Z' });
    const r = must(planInputRequest(m, undefined, municipalities, {}, now));
    expect(r.sendAt).toBe(now.toISOString());
    expect(r.deadline).toBe('2026-03-13T08:00:00.000Z');
    expect(r.reminders).toEqual(['2026-03-12T08:00:00.000Z']);
  });

  it('takes the coordinator’s own deadline, lead time and reminder days', () => {
    const r = must(
      planInputRequest(
        planned(),
        undefined,
        municipalities,
        { leadDays: 10, deadline: '2026-04-20T12:00:00+02:00', reminderDaysBefore: [2, 2, 5] },
        now,
      ),
    );
    expect(r.sendAt).toBe('2026-04-13T08:00:00.000Z');
    expect(r.deadline).toBe('2026-04-20T10:00:00.000Z');
    expect(r.reminders).toEqual(['2026-04-15T10:00:00.000Z', '2026-04-18T10:00:00.000Z']);
  });

  it('computes reminder instants alone, earliest first, none at or after the deadline', () => {
    expect(reminderTimes('2026-04-08T08:00:00Z', '2026-04-01T08:00:00Z', [1, 3, 0, -1])).toEqual([
      '2026-04-05T08:00:00.000Z',
      '2026-04-07T08:00:00.000Z',
    ]);
  });

  it('refuses a deadline that is past, after the pre-meeting, not an instant, or leaves no time', () => {
    const m = planned();
    expect(code(planInputRequest(m, undefined, municipalities, { deadline: '2026-03-01T08:00:00Z' }, now))).toBe(
      'INPUT.DEADLINE_IN_PAST',
    );
    expect(code(planInputRequest(m, undefined, municipalities, { deadline: '2026-04-23T09:00:00Z' }, now))).toBe(
      'INPUT.DEADLINE_AFTER_PRE_MEETING',
    );
    expect(code(planInputRequest(m, undefined, municipalities, { deadline: '23.04.2026' }, now))).toBe(
      'INPUT.BAD_DEADLINE',
    );
    expect(
      code(planInputRequest(m, undefined, municipalities, { deadline: '2026-04-20T08:00:00Z', leadDays: 1 }, now)),
    ).toBe('INPUT.NO_TIME_TO_ANSWER');
    expect(code(planInputRequest(m, undefined, municipalities, { leadDays: -1 }, now))).toBe('INPUT.BAD_LEAD_TIME');
    expect(code(planInputRequest(m, undefined, [], {}, now))).toBe('INPUT.NO_MUNICIPALITIES');
    expect(code(planInputRequest(must(cancelMeeting(m, now)), undefined, municipalities, {}, now))).toBe(
      'INPUT.MEETING_CLOSED',
    );
  });
});

describe('giving input', () => {
  const meeting = withTwoCases();
  const request: InputRequest = must(planInputRequest(meeting, undefined, municipalities, {}, now));
  const beforeDeadline = new Date('2026-04-01T08:00:00Z');
  let key = 0;
  const submission = (givenBy: string, extra: Partial<InputSubmission> = {}): InputSubmission => ({
    meetingId: 'm1',
    givenBy,
    meetingVersion: meeting.version,
    status: 'submitted',
    idempotencyKey: `k${key++}`,
    items: [
      { itemId: 'i1', position: 'support', text: '' },
      { itemId: 'i2', position: 'against', text: 'For dyrt for små kommuner' },
    ],
    ...extra,
  });
  const give = (s: InputSubmission, answers: readonly InputAnswer[] = [], at = beforeDeadline, m = meeting) =>
    giveInput(m, request, answers, org, s, at);

  it('records a submitted answer for the municipality the person answers for', () => {
    const r = must(give(submission('siri')));
    expect(r.recorded).toBe(true);
    expect(r.answer).toMatchObject({
      municipality: '3301',
      givenBy: 'siri',
      givenAs: 'respondent',
      status: 'submitted',
      version: 1,
      meetingVersion: meeting.version,
    });
  });

  it('lets the later answer win, respondent or deputy, and keeps both', () => {
    const first = must(give(submission('siri'))).answers;
    const later = must(
      give(
        submission('lars', {
          items: [
            { itemId: 'i1', position: 'against', text: 'Endret syn' },
            { itemId: 'i2', position: 'against', text: '' },
          ],
        }),
        first,
        new Date('2026-04-02T08:00:00Z'),
      ),
    );
    expect(later.answer).toMatchObject({ givenBy: 'lars', givenAs: 'deputy', version: 2 });
    expect(countingAnswer(later.answers, 'm1', '3301')?.givenBy).toBe('lars');
    expect(answerHistory(later.answers, 'm1', '3301').map((a) => [a.givenBy, a.version])).toEqual([
      ['siri', 1],
      ['lars', 2],
    ]);
    const back = must(
      give(
        submission('siri', {
          items: [
            { itemId: 'i1', position: 'support', text: '' },
            { itemId: 'i2', position: 'no-view', text: '' },
          ],
        }),
        later.answers,
      ),
    );
    expect(countingAnswer(back.answers, 'm1', '3301')).toMatchObject({ givenBy: 'siri', version: 3 });
  });

  it('keeps a draft apart: it is saved and shown, but the submitted answer still counts', () => {
    const submitted = must(give(submission('siri'))).answers;
    const drafted = must(
      give(submission('siri', { status: 'draft', items: [{ itemId: 'i1', text: 'tenker' }] }), submitted),
    );
    expect(latestAnswer(drafted.answers, 'm1', '3301')).toMatchObject({ status: 'draft', version: 2 });
    expect(countingAnswer(drafted.answers, 'm1', '3301')).toMatchObject({ status: 'submitted', version: 1 });
    expect(
      countingAnswer(must(give(submission('siri', { status: 'draft', items: [] }))).answers, 'm1', '3301'),
    ).toBeUndefined();
  });

  it('counts a retried card once and refuses its key from someone else', () => {
    const s = submission('siri');
    const first = must(give(s));
    const again = must(give(s, first.answers, new Date('2026-05-01T08:00:00Z')));
    expect(again).toMatchObject({ recorded: false, answer: first.answer });
    expect(again.answers).toHaveLength(1);
    expect(code(give({ ...s, givenBy: 'lars' }, first.answers))).toBe('INPUT.IDEMPOTENCY_CONFLICT');
  });

  it('adds no version for the same answer clicked again with a new key', () => {
    const s = submission('siri');
    const first = must(give(s));
    const same = must(give({ ...s, idempotencyKey: 'other' }, first.answers));
    expect(same.recorded).toBe(false);
    expect(same.answers).toHaveLength(1);
  });

  it('refuses after the deadline, and at it', () => {
    expect(code(give(submission('siri'), [], new Date(request.deadline)))).toBe('INPUT.PAST_DEADLINE');
    expect(code(give(submission('siri'), [], new Date('2026-04-23T08:00:00Z')))).toBe('INPUT.PAST_DEADLINE');
    expect(code(give(submission('siri'), [], new Date(Date.parse(request.deadline) - 1)))).toBeUndefined();
  });

  it('refuses someone who does not represent the municipality', () => {
    expect(code(give(submission('ola')))).toBe('INPUT.NOT_REPRESENTATIVE');
    expect(code(give(submission('siri', { municipality: '3305' })))).toBe('INPUT.NOT_REPRESENTATIVE');
  });

  it('asks which municipality when the person answers for two, and takes the one named', () => {
    expect(give(submission('eva'))).toEqual({
      ok: false,
      error: { code: 'INPUT.WHICH_MUNICIPALITY', params: { choices: '3310,3305' } },
    });
    expect(must(give(submission('eva', { municipality: '3305' }))).answer).toMatchObject({
      municipality: '3305',
      givenAs: 'deputy',
    });
  });

  it('refuses a municipality that was not asked', () => {
    const only = { ...request, municipalities: ['3305'] };
    expect(code(giveInput(meeting, only, [], org, submission('siri'), beforeDeadline))).toBe('INPUT.NOT_ASKED');
  });

  it('refuses a card drawn from an older version of the meeting', () => {
    const changed = must(editItem(meeting, 'i2', { background: 'Ny bakgrunn' }));
    expect(give(submission('siri'), [], beforeDeadline, changed)).toEqual({
      ok: false,
      error: { code: 'INPUT.STALE_CARD', params: { current: changed.version } },
    });
    expect(
      code(give(submission('siri', { meetingVersion: changed.version }), [], beforeDeadline, changed)),
    ).toBeUndefined();
  });

  it('refuses input for a cancelled meeting or another meeting', () => {
    expect(code(give(submission('siri'), [], beforeDeadline, must(cancelMeeting(meeting, now))))).toBe(
      'INPUT.MEETING_CLOSED',
    );
    expect(code(give(submission('siri', { meetingId: 'm2' })))).toBe('INPUT.OTHER_MEETING');
  });

  it('checks what the card says: known cases once each, a real position, text within the limit', () => {
    const one = (item: { itemId: string; position?: 'support'; text: string }) =>
      submission('siri', { status: 'draft', items: [item] });
    expect(code(give(one({ itemId: 'm1:minutes-approval', text: '' })))).toBe('INPUT.UNKNOWN_ITEM');
    expect(
      code(
        give(
          submission('siri', {
            items: [
              { itemId: 'i1', position: 'support', text: '' },
              { itemId: 'i1', position: 'support', text: '' },
            ],
          }),
        ),
      ),
    ).toBe('INPUT.DUPLICATE_ITEM');
    expect(
      code(
        give(submission('siri', { status: 'draft', items: [{ itemId: 'i1', position: 'maybe' as never, text: '' }] })),
      ),
    ).toBe('INPUT.BAD_POSITION');
    expect(give(one({ itemId: 'i1', text: 'x'.repeat(INPUT_TEXT_MAX + 1) }))).toEqual({
      ok: false,
      error: { code: 'INPUT.TEXT_TOO_LONG', params: { itemId: 'i1', max: 2000 } },
    });
    expect(code(give(one({ itemId: 'i1', text: 'x'.repeat(INPUT_TEXT_MAX) })))).toBeUndefined();
  });

  it('needs a position on every case to submit, not to save a draft', () => {
    const partial = [{ itemId: 'i1', position: 'support' as const, text: '' }];
    expect(give(submission('siri', { items: partial }))).toEqual({
      ok: false,
      error: { code: 'INPUT.POSITION_REQUIRED', params: { itemId: 'i2' } },
    });
    expect(code(give(submission('siri', { status: 'draft', items: partial })))).toBeUndefined();
  });

  it('does not ask about a withdrawn case', () => {
    const m = must(withdrawItem(meeting, 'i2'));
    const s = submission('siri', {
      meetingVersion: m.version,
      items: [{ itemId: 'i1', position: 'support', text: '' }],
    });
    expect(code(give(s, [], beforeDeadline, m))).toBeUndefined();
    expect(
      code(give({ ...s, items: [...s.items, { itemId: 'i2', position: 'against', text: '' }] }, [], beforeDeadline, m)),
    ).toBe('INPUT.UNKNOWN_ITEM');
  });
});
