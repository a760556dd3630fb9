import { describe, expect, it } from 'vitest';
import {
  activeItems,
  addItem,
  editItem,
  itemsForInput,
  markItemDecided,
  reorderAgenda,
  withdrawItem,
} from '../../../src/domain/agenda';
import { minutesApprovalItemId } from '../../../src/domain/agenda-item';
import { formatCaseNumber, nextCaseNumber, parseCaseNumber } from '../../../src/domain/case-number';
import { cancelMeeting, markHeld } from '../../../src/domain/meeting';
import { code, draft, must, now, planned, withTwoCases } from './meeting-fixtures';

const numbers = (m: { agenda: readonly { caseNumber: { number: number; year: number } }[] }) =>
  m.agenda.map((i) => formatCaseNumber(i.caseNumber));

describe('case numbers', () => {
  it('reads and writes "sak 6/2026"', () => {
    expect(parseCaseNumber('sak 6/2026')).toEqual({ number: 6, year: 2026 });
    expect(parseCaseNumber('6/26')).toEqual({ number: 6, year: 2026 });
    expect(parseCaseNumber(' 12 / 2026 ')).toEqual({ number: 12, year: 2026 });
    expect(parseCaseNumber('0/2026')).toBeUndefined();
    expect(parseCaseNumber('sak seks')).toBeUndefined();
    expect(formatCaseNumber({ number: 6, year: 2026 })).toBe('6/2026');
  });

  it('runs per body and per year, across the body’s meetings', () => {
    const april = withTwoCases('apr'); // 1, 2, 3/2026
    expect(numbers(april)).toEqual(['1/2026', '2/2026', '3/2026']);
    const may = planned('may', { start: '2026-05-21T08:00:00Z', end: '2026-05-21T10:00:00Z' }, [april]);
    expect(numbers(may)).toEqual(['4/2026']);
    const board = planned('board', { bodyId: 'styret' }, [april, may]);
    expect(numbers(board)).toEqual(['1/2026']);
    const next = planned('jan', { start: '2027-01-14T08:00:00Z', end: '2027-01-14T10:00:00Z' }, [april, may]);
    expect(numbers(next)).toEqual(['1/2027']);
    expect(nextCaseNumber([april, may, board], 'osu', 2026)).toEqual({ number: 5, year: 2026 });
  });

  it('refuses a number the body already used that year, in any meeting', () => {
    const april = withTwoCases('apr');
    const may = planned('may', { start: '2026-05-21T08:00:00Z', end: '2026-05-21T10:00:00Z' }, [april]);
    const r = addItem(may, [april], { id: 'x', draft: draft('Gammel sak'), caseNumber: { number: 2, year: 2026 } });
    expect(r).toEqual({ ok: false, error: { code: 'AGENDA.DUPLICATE_CASE_NUMBER', params: { caseNumber: '2/2026' } } });
    expect(code(addItem(may, [april], { id: 'x', draft: draft('Egen'), caseNumber: { number: 4, year: 2026 } }))).toBe(
      'AGENDA.DUPLICATE_CASE_NUMBER',
    );
  });

  it('takes a free number when given, and goes on from the highest', () => {
    const m = must(addItem(planned(), [], { id: 'x', draft: draft('Sak'), caseNumber: { number: 10, year: 2026 } }));
    expect(numbers(must(addItem(m, [], { id: 'y', draft: draft('Neste') })))).toEqual(['1/2026', '10/2026', '11/2026']);
  });

  it('refuses a number of another year or below one', () => {
    expect(code(addItem(planned(), [], { id: 'x', draft: draft('Sak'), caseNumber: { number: 3, year: 2025 } }))).toBe(
      'AGENDA.CASE_YEAR_MISMATCH',
    );
    expect(code(addItem(planned(), [], { id: 'x', draft: draft('Sak'), caseNumber: { number: 0, year: 2026 } }))).toBe(
      'AGENDA.BAD_CASE_NUMBER',
    );
  });
});

describe('the agenda', () => {
  it('opens with approval of the previous minutes, created with the meeting', () => {
    const m = planned();
    expect(m.agenda).toEqual([
      {
        id: minutesApprovalItemId('m1'),
        caseNumber: { number: 1, year: 2026 },
        kind: 'minutes-approval',
        title: '',
        proposal: { kind: 'standard' },
        documents: [],
        status: 'open',
      },
    ]);
  });

  it('adds cases with title, background, proposal or "formulated in the meeting", links and a responsible person', () => {
    const m = must(
      addItem(planned(), [], {
        id: 'i1',
        draft: {
          title: ' Handlingsplan ',
          background: 'Bakgrunn',
          proposal: { kind: 'in-meeting' },
          documents: [{ title: 'Plan', url: 'https://sp.example/plan.docx' }],
          responsible: 'kari',
        },
      }),
    );
    expect(m.agenda[1]).toMatchObject({
      id: 'i1',
      kind: 'case',
      title: 'Handlingsplan',
      proposal: { kind: 'in-meeting' },
      responsible: 'kari',
      status: 'open',
    });
    expect(m.version).toBe(2);
  });

  it('refuses a case without title, with a blank proposal, a reserved proposal or a link that is not https', () => {
    const m = planned();
    expect(code(addItem(m, [], { id: 'x', draft: draft(' ') }))).toBe('AGENDA.TITLE_REQUIRED');
    expect(code(addItem(m, [], { id: 'x', draft: draft('x'.repeat(201)) }))).toBe('AGENDA.TITLE_TOO_LONG');
    expect(code(addItem(m, [], { id: 'x', draft: draft('Sak', { proposal: { kind: 'text', text: ' ' } }) }))).toBe(
      'AGENDA.PROPOSAL_REQUIRED',
    );
    expect(code(addItem(m, [], { id: 'x', draft: draft('Sak', { proposal: { kind: 'standard' } }) }))).toBe(
      'AGENDA.STANDARD_PROPOSAL_RESERVED',
    );
    expect(
      code(
        addItem(m, [], { id: 'x', draft: draft('Sak', { documents: [{ title: 'P', url: 'file:///C:/sak.docx' }] }) }),
      ),
    ).toBe('AGENDA.BAD_DOCUMENT_LINK');
    expect(code(addItem(withTwoCases(), [], { id: 'i1', draft: draft('Igjen') }))).toBe('AGENDA.DUPLICATE_ITEM');
  });

  it('edits a case, keeping its number, and raises the version', () => {
    const m = withTwoCases();
    const e = must(editItem(m, 'i2', { title: 'Høring: akuttmedisinforskriften', proposal: { kind: 'in-meeting' } }));
    expect(e.agenda[2]).toMatchObject({
      title: 'Høring: akuttmedisinforskriften',
      caseNumber: { number: 3, year: 2026 },
      proposal: { kind: 'in-meeting' },
    });
    expect(e.version).toBe(m.version + 1);
    expect(code(editItem(m, 'i2', { title: '' }))).toBe('AGENDA.TITLE_REQUIRED');
    expect(code(editItem(m, 'nope', { title: 'x' }))).toBe('AGENDA.UNKNOWN_ITEM');
    expect(code(editItem(m, minutesApprovalItemId('m1'), { title: 'x' }))).toBe('AGENDA.STANDING_ITEM');
  });

  it('reorders, keeping numbers and the minutes approval first', () => {
    const m = withTwoCases();
    const first = minutesApprovalItemId('m1');
    const r = must(reorderAgenda(m, [first, 'i2', 'i1']));
    expect(r.agenda.map((i) => i.id)).toEqual([first, 'i2', 'i1']);
    expect(numbers(r)).toEqual(['1/2026', '3/2026', '2/2026']);
    expect(code(reorderAgenda(m, ['i1', first, 'i2']))).toBe('AGENDA.MINUTES_APPROVAL_FIRST');
    expect(code(reorderAgenda(m, [first, 'i2']))).toBe('AGENDA.REORDER_MISMATCH');
    expect(code(reorderAgenda(m, [first, 'i2', 'i2']))).toBe('AGENDA.REORDER_MISMATCH');
    expect(code(reorderAgenda(m, [first, 'i2', 'x']))).toBe('AGENDA.REORDER_MISMATCH');
  });

  it('withdraws a case: it keeps its number and place, and its number is not given again', () => {
    const m = must(withdrawItem(withTwoCases(), 'i2'));
    expect(m.agenda[2]).toMatchObject({ id: 'i2', status: 'withdrawn', caseNumber: { number: 3, year: 2026 } });
    expect(numbers(must(addItem(m, [], { id: 'i3', draft: draft('Ny') })))).toEqual([
      '1/2026',
      '2/2026',
      '3/2026',
      '4/2026',
    ]);
    expect(activeItems(m).map((i) => i.id)).toEqual([minutesApprovalItemId('m1'), 'i1']);
    expect(itemsForInput(m).map((i) => i.id)).toEqual(['i1']);
    expect(code(withdrawItem(m, 'i2'))).toBe('AGENDA.ITEM_WITHDRAWN');
    expect(code(editItem(m, 'i2', { title: 'x' }))).toBe('AGENDA.ITEM_WITHDRAWN');
  });

  it('refuses to change a decided case', () => {
    const m = must(markItemDecided(withTwoCases(), 'i1'));
    expect(m.agenda[1]?.status).toBe('decided');
    expect(code(editItem(m, 'i1', { title: 'Endret' }))).toBe('AGENDA.ITEM_DECIDED');
    expect(code(withdrawItem(m, 'i1'))).toBe('AGENDA.ITEM_DECIDED');
    expect(code(markItemDecided(m, 'i1'))).toBe('AGENDA.ITEM_DECIDED');
  });

  it('refuses any change to the agenda of a held or cancelled meeting', () => {
    const held = must(markHeld(withTwoCases(), new Date('2026-04-23T08:00:00Z')));
    const cancelled = must(cancelMeeting(withTwoCases(), now));
    for (const m of [held, cancelled]) {
      expect(code(addItem(m, [], { id: 'x', draft: draft('Ny') }))).toBe('AGENDA.MEETING_CLOSED');
      expect(code(editItem(m, 'i1', { title: 'x' }))).toBe('AGENDA.MEETING_CLOSED');
      expect(
        code(
          reorderAgenda(
            m,
            m.agenda.map((i) => i.id),
          ),
        ),
      ).toBe('AGENDA.MEETING_CLOSED');
      expect(code(withdrawItem(m, 'i1'))).toBe('AGENDA.MEETING_CLOSED');
    }
    expect(must(markItemDecided(held, 'i1')).agenda[1]?.status).toBe('decided');
    expect(code(markItemDecided(cancelled, 'i1'))).toBe('AGENDA.MEETING_CLOSED');
  });
});
