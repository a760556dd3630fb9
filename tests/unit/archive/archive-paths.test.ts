import { describe, expect, it } from 'vitest';
import {
  basisDocumentPath,
  jointStatementPath,
  minutesPath,
  responsesPath,
  safeName,
} from '../../../src/app/archive/archive-paths';
import type { Body } from '../../../src/domain/body';
import type { Hearing } from '../../../src/domain/hearing';
import type { Meeting } from '../../../src/domain/meeting';
import { checkDocumentPath } from '../../../src/ports/document-library';

const body: Body = { id: 'lsu-baerum', name: 'LSU Bærum', kind: 'lsu', aliases: [] };
const meeting = { id: 'M4TQ2', bodyId: 'lsu-baerum', year: 2026, number: 4 } as Meeting;
const hearing = (title: string) => ({ id: 'H7K2P', title, registeredAt: '2026-12-31T23:30:00Z' }) as Hearing;

describe('names in the document library', () => {
  it('keeps Norwegian letters and joins words with hyphens', () => {
    expect(safeName('Ordfører- og rådmannsmøtet', 'x')).toBe('ordfører-og-rådmannsmøtet');
    expect(safeName('  Høring: Æ, Ø og Å  ', 'x')).toBe('høring-æ,-ø-og-å');
  });

  it('leaves out every character SharePoint refuses, and falls back when nothing is left', () => {
    expect(safeName('a"b*c:d<e>f?g/h\\i|j#k%l~m\u0001n', 'x')).toBe('abcdefghijklmn');
    expect(safeName('?*:', 'h7k2p')).toBe('h7k2p');
    expect(safeName('..Slutt.', 'x')).toBe('slutt');
    expect(safeName('a'.repeat(200), 'x')).toHaveLength(80);
  });

  it('files each document under its kind and year, named for the body and meeting or the hearing', () => {
    expect(basisDocumentPath(body, meeting, 'docx')).toBe('Grunnlagsdokumenter/2026/lsu-bærum-møte-4-2026.docx');
    expect(minutesPath(body, meeting, 2, 'docx')).toBe('Protokoller/2026/lsu-bærum-møte-4-2026-v2.docx');
    expect(minutesPath(undefined, meeting, 1, 'docx')).toBe('Protokoller/2026/lsu-baerum-møte-4-2026-v1.docx');
    // Registered on New Year's Eve after midnight in Oslo: the Oslo year.
    const h = hearing('Forslag om krav til helsefellesskap: høring #2 (50 % mer?)');
    expect(jointStatementPath(h, 'docx')).toBe(
      'Høringer/2027/forslag-om-krav-til-helsefellesskap-høring-2-(50-mer)-felles-uttalelse.docx',
    );
    expect(responsesPath(h)).toBe(
      'Høringer/2027/forslag-om-krav-til-helsefellesskap-høring-2-(50-mer)-høringssvar.csv',
    );
    expect(jointStatementPath(hearing('***'), 'docx')).toBe('Høringer/2027/h7k2p-felles-uttalelse.docx');
  });

  it('every path it makes passes the libraries’ own check', () => {
    for (const title of ['..', 'a/../b', ' ', 'x.', 'Con<>:"|?*', 'tab\there'])
      expect(() => checkDocumentPath(jointStatementPath(hearing(title), 'docx')), title).not.toThrow();
  });
});
