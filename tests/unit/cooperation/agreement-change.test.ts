import { describe, expect, it } from 'vitest';
import { agreementStatus, recordCouncilDecision, startAgreementChange } from '../../../src/domain/agreement-change';
import type { AgreementChange } from '../../../src/domain/agreement-change';
import type { Withdrawal } from '../../../src/domain/withdrawal';
import { withdrawalEffectiveDate } from '../../../src/domain/withdrawal';
import { agreementArgs, agreementArgsSchema } from '../../../src/app/agreement/agreement-args';
import { parseArgs } from '../../../src/app/commands/grammar/parse-args';
import { Catalogue } from '../../../src/i18n/catalogue';
import { must } from '../../fixtures/organisation-builders';

const now = new Date('2026-03-12T10:00:00Z');
const today = '2026-03-12';
const members = ['3201', '3324', '3320'];
const start = () =>
  must(
    startAgreementChange(
      { title: 'Ny kontingentsats', proposedText: 'kr 4 per innbygger', answerBy: '2026-06-01' },
      members,
      { id: 'A7K2P', by: 'ingrid' },
      now,
      today,
    ),
  );
const decide = (c: AgreementChange, m: string, approved: boolean, w: Withdrawal[] = [], on = today) =>
  recordCouncilDecision(c, w, m, { approved, caseNumber: '26/12', date: '2026-03-01', by: 'x' }, now, on);

const nb = Catalogue.load().for('nb');
/** The command's words read by its declared grammar, then into what it does. */
const parseAgreementArgs = (typed: string, today: string) => {
  const parsed = parseArgs(agreementArgsSchema, typed, now, nb);
  if (!parsed.ok) throw new Error(`«${typed}» refused by the grammar`);
  return agreementArgs(parsed.value, today);
};

describe('agreement change: unanimity of every member municipality', () => {
  it('is pending until every member has approved, then adopted', () => {
    let c = start();
    expect(agreementStatus(c, [], today)).toMatchObject({ state: 'pending', pending: members });
    c = must(decide(c, '3201', true));
    c = must(decide(c, '3324', true));
    expect(agreementStatus(c, [], today).state).toBe('pending');
    c = must(decide(c, '3320', true));
    expect(agreementStatus(c, [], today)).toMatchObject({ state: 'adopted', approved: members, pending: [] });
  });

  it('one no stops it, whatever the others decide, and then the record is final', () => {
    let c = start();
    c = must(decide(c, '3201', true));
    c = must(decide(c, '3324', false));
    expect(agreementStatus(c, [], today)).toMatchObject({ state: 'rejected', rejected: ['3324'], pending: ['3320'] });
    expect(decide(c, '3320', true)).toMatchObject({ ok: false, error: { code: 'AGREEMENT.ALREADY_REJECTED' } });
  });

  it('a decision may be corrected while the change is open', () => {
    let d = start();
    d = must(decide(d, '3201', true));
    d = must(
      recordCouncilDecision(
        d,
        [],
        '3201',
        { approved: true, caseNumber: '26/13', date: '2026-03-02', by: 'x' },
        now,
        today,
      ),
    );
    expect(d.decisions['3201']?.caseNumber).toBe('26/13');
    expect(agreementStatus(d, [], today).approved).toEqual(['3201']);
  });

  it('a municipality that has left before deciding no longer blocks unanimity; its history stays', () => {
    // Flå gives notice on 10.03.2026: it leaves on 01.07.2027.
    const flaLeaves: Withdrawal = {
      municipality: '3320',
      noticeDate: '2026-03-10',
      effectiveDate: withdrawalEffectiveDate('2026-03-10'),
      recordedBy: 'ingrid',
      recordedAt: '',
    };
    let c = start();
    c = must(decide(c, '3201', true));
    c = must(decide(c, '3324', true));
    expect(agreementStatus(c, [flaLeaves], '2027-06-30').state).toBe('pending');
    expect(agreementStatus(c, [flaLeaves], '2027-07-01')).toMatchObject({ state: 'adopted', left: ['3320'] });
    expect(c.municipalities).toEqual(members);
  });

  it('refuses what cannot be a decision: not asked, no case number, a date after today, a link that is not https', () => {
    const c = start();
    expect(decide(c, '9999', true)).toMatchObject({ ok: false, error: { code: 'AGREEMENT.NOT_ASKED' } });
    const bad = (d: Partial<{ caseNumber: string; date: string; link: string }>) =>
      recordCouncilDecision(
        c,
        [],
        '3201',
        { approved: true, caseNumber: '26/1', date: '2026-03-01', by: 'x', ...d },
        now,
        today,
      );
    expect(bad({ caseNumber: ' ' })).toMatchObject({ ok: false, error: { code: 'AGREEMENT.CASE_NUMBER' } });
    expect(bad({ date: '2026-04-01' })).toMatchObject({ ok: false, error: { code: 'AGREEMENT.BAD_DATE' } });
    expect(bad({ link: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'AGREEMENT.BAD_LINK' } });
    expect(bad({ link: 'https://gol.kommune.no/vedtak/26-1' })).toMatchObject({ ok: true });
  });

  it('refuses a change without title or text, or with an answer-by date already past', () => {
    const s = (title: string, proposedText: string, answerBy = '2026-06-01') =>
      startAgreementChange({ title, proposedText, answerBy }, members, { id: 'X', by: 'i' }, now, today);
    expect(s('', 'x')).toMatchObject({ ok: false, error: { code: 'AGREEMENT.TITLE_MISSING' } });
    expect(s('T', '')).toMatchObject({ ok: false, error: { code: 'AGREEMENT.TEXT_MISSING' } });
    expect(s('T', 'x', '2026-03-12')).toMatchObject({ ok: false, error: { code: 'AGREEMENT.ANSWER_BY_PAST' } });
  });

  it('reads list, show and start from the command words', () => {
    expect(parseAgreementArgs('', today)).toEqual({ ok: true, value: { kind: 'list' } });
    expect(parseAgreementArgs('a7k2p', today)).toEqual({ ok: true, value: { kind: 'show', id: 'A7K2P' } });
    expect(parseAgreementArgs('01.06.2026 Ny sats: kr 4: per innbygger', today)).toEqual({
      ok: true,
      value: { kind: 'start', title: 'Ny sats', proposedText: 'kr 4: per innbygger', answerBy: '2026-06-01' },
    });
    expect(parseAgreementArgs('Ny sats: kr 4', today)).toEqual({
      ok: true,
      value: { kind: 'start', title: 'Ny sats', proposedText: 'kr 4' },
    });
    expect(parseAgreementArgs('31.02.2026 Ny sats: kr 4', today)).toMatchObject({
      ok: false,
      error: { code: 'AGREEMENT.BAD_ANSWER_BY' },
    });
    // The deadline with the colon against it: no title, not a bad date; a bad date stays one.
    expect(parseAgreementArgs('01.06.2027: Bare tekst', today)).toMatchObject({
      ok: false,
      error: { code: 'AGREEMENT.TITLE_MISSING' },
    });
    expect(parseAgreementArgs('31.02.2027: Bare tekst', today)).toMatchObject({
      ok: false,
      error: { code: 'AGREEMENT.BAD_ANSWER_BY', params: { value: '31.02.2027:' } },
    });
    expect(parseAgreementArgs('Ny sats uten kolon', today)).toMatchObject({
      ok: false,
      error: { code: 'AGREEMENT.USAGE' },
    });
  });
});
