import { describe, expect, it } from 'vitest';
import type { Body } from '../../../src/domain/body';
import type { DecisionEntry } from '../../../src/domain/decision-register';
import { followUpState, parseDecisionQuery, searchDecisions } from '../../../src/domain/decision-register';

const bodies: Body[] = [
  { id: 'styret', name: 'Samarbeidsstyret', kind: 'board', aliases: ['styret', 'board'] },
  { id: 'osu', name: 'Overordnet samarbeidsutvalg', kind: 'osu', aliases: ['OSU'] },
  { id: 'lsu-baerum', name: 'LSU Bærum', kind: 'lsu', aliases: [] },
];
const entry = (
  bodyId: string,
  date: string,
  number: number,
  title: string,
  decision: string,
  followUp = { open: 0, done: 0, overdue: 0 },
): DecisionEntry => ({
  bodyId,
  meetingId: `${bodyId}-${date}`,
  date,
  caseNumber: { number, year: Number(date.slice(0, 4)) },
  title,
  decision,
  approved: true,
  followUp,
});
const entries = [
  entry('styret', '2026-03-10', 6, 'Handlingsplan 2026', 'Styret vedtar handlingsplanen.', {
    open: 1,
    done: 1,
    overdue: 0,
  }),
  entry('osu', '2026-05-20', 12, 'Utskrivningsklare pasienter', 'OSU ber partene om en felles rutine.', {
    open: 1,
    done: 0,
    overdue: 1,
  }),
  entry('styret', '2025-11-04', 22, 'Kontingent 2026', 'Kontingenten settes til kr 3,50 per innbygger.', {
    open: 0,
    done: 2,
    overdue: 0,
  }),
  entry('lsu-baerum', '2026-02-01', 3, 'Legevakt', 'Tas til orientering.'),
];

describe('the decision register', () => {
  it('reads case number, year, body (also of several words) and words from one search', () => {
    expect(parseDecisionQuery('styret 2026 handlingsplan', bodies)).toEqual({
      words: ['handlingsplan'],
      bodyIds: ['styret'],
      year: 2026,
    });
    expect(parseDecisionQuery('sak 12/2026', bodies)).toEqual({
      words: [],
      bodyIds: [],
      caseNumber: { number: 12, year: 2026 },
    });
    expect(parseDecisionQuery('lsu bærum legevakt', bodies)).toEqual({ words: ['legevakt'], bodyIds: ['lsu-baerum'] });
  });

  it('finds by words in title or decision, any case and accents', () => {
    expect(searchDecisions(entries, parseDecisionQuery('KONTINGENT', bodies)).map((e) => e.caseNumber.number)).toEqual([
      22,
    ]);
    expect(searchDecisions(entries, parseDecisionQuery('felles rutine', bodies)).map((e) => e.bodyId)).toEqual(['osu']);
  });

  it('filters by body and year together, newest first', () => {
    expect(searchDecisions(entries, parseDecisionQuery('styret', bodies)).map((e) => e.date)).toEqual([
      '2026-03-10',
      '2025-11-04',
    ]);
    expect(searchDecisions(entries, parseDecisionQuery('2026', bodies)).map((e) => e.caseNumber.number)).toEqual([
      12, 6, 3,
    ]);
    expect(searchDecisions(entries, parseDecisionQuery('osu 2025', bodies))).toEqual([]);
  });

  it('finds one case by its number', () => {
    expect(searchDecisions(entries, parseDecisionQuery('12/26', bodies)).map((e) => e.title)).toEqual([
      'Utskrivningsklare pasienter',
    ]);
  });

  it('says how the follow-up stands: overdue before open before done', () => {
    expect(entries.map(followUpState)).toEqual(['open', 'overdue', 'done', 'none']);
  });
});
