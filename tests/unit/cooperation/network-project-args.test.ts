import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrganisation } from '../../../src/adapters/organisation-file/yaml-organisation-source';
import { answerText, inquiryText, pastDate } from '../../../src/app/networks/network-args';
import { fundingText, milestoneText, newProjectText } from '../../../src/app/projects/project-args';
import type { Organisation } from '../../../src/domain/organisation';
import { Catalogue } from '../../../src/i18n/catalogue';

const catalogue = Catalogue.load();
const nb = catalogue.for('nb');
const en = catalogue.for('en');
const today = '2026-12-03';
const sample = readFileSync(join(__dirname, '..', '..', '..', 'config', 'organisation.yaml'), 'utf8');
const loaded = parseOrganisation(sample);
if (!loaded.ok) throw new Error('the sample organisation does not load');
const org: Organisation = loaded.value;

describe('the sample organisation’s network and project', () => {
  it('carries the BPA network and KomUt, marked as sample values', () => {
    expect(org.networks?.map((n) => [n.id, n.sample, n.members.length])).toEqual([['bpa', true, 6]]);
    const komut = org.projects?.find((p) => p.id === 'komut');
    expect(komut).toMatchObject({ leader: 'Kari Nordmann', sample: true });
    expect(komut?.funding[0]).toMatchObject({
      kind: 'external',
      status: 'granted',
      boardCase: { number: 6, year: 2018 },
    });
  });

  it('refuses external funding without the board’s case, and a network member of an unknown municipality', () => {
    const noCase = parseOrganisation(sample.replace(', boardCase: "6/2018" }', ' }'));
    expect(!noCase.ok && noCase.error.problems.map((p) => p.code)).toEqual(['ORGANISATION.FUNDING_WITHOUT_BOARD']);
    const unknown = parseOrganisation(
      sample.replace('{ name: Arne Vik, municipality: "3303"', '{ name: Arne Vik, municipality: "9999"'),
    );
    expect(!unknown.ok && unknown.error.problems.map((p) => [p.code, p.field])).toEqual([
      ['ORGANISATION.UNKNOWN_MUNICIPALITY', 'networks[0].members[5].municipality'],
    ]);
  });
});

describe('reading what the coordinator types', () => {
  it('a past day without a year is this year’s, never next year’s', () => {
    expect(pastDate('20.11', today)).toBe('2026-11-20');
    expect(pastDate('20.12', today)).toBe('2025-12-20');
    expect(pastDate('20.12.2026', today)).toBe('2026-12-20');
  });

  it('an inquiry: the day received, the supplier before the colon and the question after', () => {
    expect(inquiryText('20.11 Assistanse Vest: Hvordan?', today)).toEqual({
      ok: true,
      value: { received: '2026-11-20', supplier: 'Assistanse Vest', text: 'Hvordan?' },
    });
    expect(inquiryText('Assistanse Vest Hvordan?', today)).toMatchObject({
      ok: false,
      error: { code: 'NETWORK.USAGE' },
    });
    expect(inquiryText('31.02 X: y', today)).toMatchObject({ ok: false, error: { code: 'NETWORK.BAD_DATE' } });
  });

  it('an answer: the id, the municipalities after "for" with commas and the word for "and", the answer', () => {
    expect(answerText(org, 'h7k2p for Gol, Hol og Ål: Ja.', 'og')).toEqual({
      ok: true,
      value: { id: 'H7K2P', municipalities: ['3324', '3330', '3328'], text: 'Ja.' },
    });
    expect(answerText(org, 'H7K2P: Ja.', 'og')).toMatchObject({ ok: true, value: { municipalities: [] } });
    expect(answerText(org, 'H7K2P for Gol and Narnia: Yes.', 'and')).toMatchObject({
      ok: false,
      error: { code: 'NETWORK.UNKNOWN_MUNICIPALITY', params: { value: 'Narnia' } },
    });
  });

  it('a new project: the name, the leader after "leder" / "leader", the purpose after the colon', () => {
    expect(newProjectText(nb, 'Felles legevakt leder Per Hansen: Én legevakt')).toEqual({
      ok: true,
      value: { name: 'Felles legevakt', leader: 'Per Hansen', purpose: 'Én legevakt' },
    });
    expect(newProjectText(en, 'Training leader Ann Berg')).toMatchObject({ ok: true, value: { leader: 'Ann Berg' } });
    expect(newProjectText(nb, 'Felles legevakt')).toMatchObject({
      ok: false,
      error: { code: 'PROJECT.LEADER_MISSING' },
    });
  });

  it('milestones: a date and a title, or a number reached', () => {
    expect(milestoneText(nb, '31.03.2027: Pilot i Gol', today)).toEqual({
      ok: true,
      value: { kind: 'add', due: '2027-03-31', title: 'Pilot i Gol' },
    });
    expect(milestoneText(nb, '2 nådd 20.11', today)).toEqual({
      ok: true,
      value: { kind: 'reach', n: 2, on: '2026-11-20' },
    });
    expect(milestoneText(en, '2 reached', today)).toEqual({ ok: true, value: { kind: 'reach', n: 2, on: today } });
    expect(milestoneText(nb, 'Pilot i Gol', today)).toMatchObject({ ok: false, error: { code: 'PROJECT.USAGE' } });
  });

  it('funding: own money, an application naming the board’s case, an answer', () => {
    expect(fundingText(nb, 'egen 150.000 Kontingent 2027')).toEqual({
      ok: true,
      value: { kind: 'own', amount: 150000, note: 'Kontingent 2027' },
    });
    expect(fundingText(nb, 'ekstern 500000 Norsk Helsenett sak 6/2018')).toEqual({
      ok: true,
      value: { kind: 'external', amount: 500000, funder: 'Norsk Helsenett', boardCase: { number: 6, year: 2018 } },
    });
    expect(fundingText(en, '1 granted')).toEqual({ ok: true, value: { kind: 'settle', n: 1, outcome: 'granted' } });
    // No case at all is asked for (not called «» a bad case number); a case typed wrong is a bad one.
    expect(fundingText(nb, 'ekstern 500000 Norsk Helsenett')).toMatchObject({
      ok: false,
      error: { code: 'PROJECT.CASE_MISSING' },
    });
    expect(fundingText(nb, 'ekstern 500000 Norsk Helsenett sak seks')).toMatchObject({
      ok: false,
      error: { code: 'PROJECT.BAD_CASE', params: { value: 'seks' } },
    });
    expect(fundingText(nb, 'egen 150 000 Kontingent')).toEqual({
      ok: false,
      error: { code: 'PROJECT.BAD_AMOUNT', params: { value: '150 000' } },
    });
    expect(fundingText(en, 'external 500000 Helsedirektoratet')).toEqual({
      ok: false,
      error: { code: 'PROJECT.CASE_MISSING' },
    });
    expect(fundingText(nb, 'gave 5')).toMatchObject({ ok: false, error: { code: 'PROJECT.USAGE' } });
  });
});
