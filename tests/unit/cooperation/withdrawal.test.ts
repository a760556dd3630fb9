import { describe, expect, it } from 'vitest';
import { municipalitiesElectorate } from '../../../src/domain/electorate';
import type { Organisation } from '../../../src/domain/organisation';
import {
  isMemberOn,
  memberMunicipalities,
  recordWithdrawal,
  withdrawalEffectiveDate,
} from '../../../src/domain/withdrawal';
import { withdrawalArgs, withdrawalFrom } from '../../../src/app/cooperation/withdrawal-args';
import { parseArgs } from '../../../src/app/commands/grammar/parse-args';
import { Catalogue } from '../../../src/i18n/catalogue';

const nb = Catalogue.load().for('nb');
/** What `meld utmelding <args>` reads on 12 March 2026: the schema first, then the organisation. */
function parseWithdrawalArgs(args: string) {
  const parsed = parseArgs(withdrawalArgs, args, new Date('2026-03-12T12:00:00Z'), nb);
  return parsed.ok ? withdrawalFrom(org, parsed.value, parsed.typed.noticeDate ?? '', '2026-03-12') : parsed;
}
import { must } from '../../fixtures/organisation-builders';

const municipality = (number: string, name: string) => ({ number, name, areas: [], population: 1000, small: true });
const org: Organisation = {
  cooperation: { name: 'KHS', hospitalTrust: 'Vestre Viken HF' },
  areas: [],
  municipalities: [municipality('3324', 'Gol'), municipality('3320', 'Flå'), municipality('3338', 'Nore og Uvdal')],
  bodies: [],
  members: [],
};
const now = new Date('2026-03-12T10:00:00Z');

describe('withdrawal (uttreden): six months counted from 1 January of the year after the notice', () => {
  it('notice on 10.03.2026 takes effect on 01.07.2027', () => {
    expect(withdrawalEffectiveDate('2026-03-10')).toBe('2027-07-01');
  });

  it('a notice on 31 December still counts from the next 1 January; one on 1 January waits a year and a half', () => {
    expect(withdrawalEffectiveDate('2026-12-31')).toBe('2027-07-01');
    expect(withdrawalEffectiveDate('2027-01-01')).toBe('2028-07-01');
  });

  it('is a member until the day before the effective date, and not from it', () => {
    const w = must(
      recordWithdrawal(org, [], { municipality: '3324', noticeDate: '2026-03-10' }, 'ingrid', now, '2026-03-12'),
    );
    expect(isMemberOn([w], '3324', '2027-06-30')).toBe(true);
    expect(isMemberOn([w], '3324', '2027-07-01')).toBe(false);
    expect(memberMunicipalities(org, [w], '2027-07-01')).toEqual(['3320', '3338']);
    expect(memberMunicipalities(org, [w], '2027-06-30')).toEqual(['3324', '3320', '3338']);
  });

  it('takes a left municipality out of a vote by municipality, so unanimity needs only those still members', () => {
    const w = must(
      recordWithdrawal(org, [], { municipality: '3324', noticeDate: '2026-03-10' }, 'ingrid', now, '2026-03-12'),
    );
    const before = municipalitiesElectorate(org, '2027-06-30', memberMunicipalities(org, [w], '2027-06-30'));
    const after = municipalitiesElectorate(org, '2027-07-01', memberMunicipalities(org, [w], '2027-07-01'));
    expect(before.voters.map((v) => v.key)).toContain('3324');
    expect(after.voters.map((v) => v.key)).toEqual(['3320', '3338']);
  });

  it('records one notice per municipality and refuses a notice dated after today', () => {
    const w = must(
      recordWithdrawal(org, [], { municipality: '3324', noticeDate: '2026-03-10' }, 'ingrid', now, '2026-03-12'),
    );
    expect(
      recordWithdrawal(org, [w], { municipality: '3324', noticeDate: '2026-03-11' }, 'ingrid', now, '2026-03-12'),
    ).toMatchObject({
      ok: false,
      error: { code: 'WITHDRAWAL.ALREADY_RECORDED', params: { effectiveDate: '2027-07-01' } },
    });
    expect(
      recordWithdrawal(org, [], { municipality: '3320', noticeDate: '2026-04-01' }, 'ingrid', now, '2026-03-12'),
    ).toMatchObject({
      ok: false,
      error: { code: 'WITHDRAWAL.NOTICE_IN_FUTURE' },
    });
  });

  it('reads the municipality by name (any case, several words) or number, the date last', () => {
    expect(parseWithdrawalArgs('nore og uvdal 10.03.2026')).toEqual({
      ok: true,
      value: { municipality: '3338', noticeDate: '2026-03-10' },
    });
    expect(parseWithdrawalArgs('3320 2026-03-10')).toEqual({
      ok: true,
      value: { municipality: '3320', noticeDate: '2026-03-10' },
    });
    expect(parseWithdrawalArgs('Gol 10.03.')).toEqual({
      ok: true,
      value: { municipality: '3324', noticeDate: '2026-03-10' },
    });
    expect(parseWithdrawalArgs('Oslo 10.03.2026')).toMatchObject({
      ok: false,
      error: { code: 'WITHDRAWAL.UNKNOWN_MUNICIPALITY' },
    });
    expect(parseWithdrawalArgs('Gol 31.02.2026')).toMatchObject({
      ok: false,
      refused: 'noticeDate',
      leftOver: '31.02.2026',
      understood: { municipality: 'Gol' },
    });
    expect(parseWithdrawalArgs('Gol')).toMatchObject({ ok: false, refused: 'noticeDate' });
  });
});
