import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrganisation } from '../../../src/adapters/organisation-file/yaml-organisation-source';
import { boardWarnings, termsEnding, tooFewBoardMeetings } from '../../../src/domain/board-composition';
import type { Organisation } from '../../../src/domain/organisation';

const sampleText = readFileSync('config/organisation.yaml', 'utf8');
const load = (text: string): Organisation => {
  const r = parseOrganisation(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error.problems));
  return r.value;
};
const sample = load(sampleText);
const codes = (org: Organisation, on = '2026-06-01') => boardWarnings(org, on).map((w) => w.code);

describe("the board's own rules, as warnings", () => {
  it('the sample board follows them: seven seats, one per region, two from small municipalities, two-year terms', () => {
    expect(boardWarnings(sample, '2026-06-01')).toEqual([]);
  });

  it('a board seat moved from Sigdal (Midt-Buskerud, small) to Lier warns of the region, Drammen twice and too few small ones; the file still loads', () => {
    const moved = sampleText.replace(
      '{ body: styret, role: member, municipality: "3332"',
      '{ body: styret, role: member, municipality: "3312"',
    );
    const org = load(moved);
    expect(codes(org)).toEqual(expect.arrayContaining(['BOARD.SMALL', 'BOARD.REGION_MISSING', 'BOARD.REGION_TWICE']));
    expect(boardWarnings(org, '2026-06-01')).toContainEqual({
      code: 'BOARD.REGION_MISSING',
      params: { region: 'Midt-Buskerud' },
    });
    expect(boardWarnings(org, '2026-06-01')).toContainEqual({ code: 'BOARD.SMALL', params: { count: 1, wanted: 2 } });
  });

  it('after the terms end (31.12.2028, the sample’s re-elected board) the board has no seats: a warning, not a refusal', () => {
    expect(boardWarnings(sample, '2029-01-01')).toContainEqual({
      code: 'BOARD.SEATS',
      params: { count: 0, wanted: 7 },
    });
  });

  it('a term longer than two years or without an end is flagged', () => {
    const long = load(
      sampleText.replace(
        '{ body: styret, role: member, municipality: "3201", from: "2025-01-01", to: "2026-12-31" }',
        '{ body: styret, role: member, municipality: "3201", from: "2025-01-01", to: "2027-01-01" }',
      ),
    );
    expect(codes(long)).toContain('BOARD.TERM_LONG');
    const open = load(
      sampleText.replace(
        '{ body: styret, role: member, municipality: "3201", from: "2025-01-01", to: "2026-12-31" }',
        '{ body: styret, role: member, municipality: "3201", from: "2025-01-01" }',
      ),
    );
    expect(codes(open)).toContain('BOARD.TERM_OPEN');
  });

  it('terms ending within 60 days prompt: 31.12.2026 is 60 days after 01.11.2026, 61 after 31.10.2026', () => {
    expect(termsEnding(sample, '2026-10-31')).toEqual([]);
    expect(termsEnding(sample, '2026-11-01')).toHaveLength(7);
    expect(termsEnding(sample, '2026-12-31')[0]).toMatchObject({ to: '2026-12-31' });
  });

  it('fewer than four board meetings a year prompts; four do not', () => {
    expect(tooFewBoardMeetings(sample, 3)).toEqual({ count: 3, wanted: 4 });
    expect(tooFewBoardMeetings(sample, 4)).toBeUndefined();
  });
});
