import { describe, expect, it } from 'vitest';
import { withdrawItem } from '../../../src/domain/agenda';
import type { InputAnswer, ItemInput, Position } from '../../../src/domain/input';
import { giveInput } from '../../../src/domain/input';
import type { InputRequest } from '../../../src/domain/input-request';
import { majorityOf, summarizeInput, summarizeItem } from '../../../src/domain/input-summary';
import type { Meeting } from '../../../src/domain/meeting';
import { must, org, withTwoCases } from './meeting-fixtures';

const meeting = withTwoCases();
const request: InputRequest = {
  meetingId: 'm1',
  municipalities: ['3305', '3310', '3301'],
  sendAt: '2026-04-15T08:00:00Z',
  deadline: '2026-04-22T08:00:00Z',
  reminders: [],
};
const at = new Date('2026-04-16T08:00:00Z');

function answer(
  answers: InputAnswer[],
  givenBy: string,
  municipality: string,
  items: ItemInput[],
  m: Meeting = meeting,
  status: 'draft' | 'submitted' = 'submitted',
): InputAnswer[] {
  return [
    ...must(
      giveInput(
        m,
        request,
        answers,
        org,
        {
          meetingId: 'm1',
          givenBy,
          municipality,
          meetingVersion: m.version,
          status,
          idempotencyKey: `${givenBy}-${answers.length}`,
          items,
        },
        at,
      ),
    ).answers,
  ];
}
const both = (i1: Position, i2: Position, t1 = '', t2 = ''): ItemInput[] => [
  { itemId: 'i1', position: i1, text: t1 },
  { itemId: 'i2', position: i2, text: t2 },
];
const zero = { support: 0, 'support-with-changes': 0, against: 0, 'no-view': 0 };

describe('summary of input per case', () => {
  it('counts positions, names the majority and lists who diverges, with their text', () => {
    let answers: InputAnswer[] = [];
    answers = answer(answers, 'kari', '3305', both('support', 'support'));
    answers = answer(answers, 'eva', '3310', both('support', 'against', '', 'For dyrt for små kommuner'));
    answers = answer(answers, 'siri', '3301', both('support-with-changes', 'support', 'Ta med legevakt', ''));
    const i1 = summarizeItem(request, answers, 'i1');
    expect(i1.counts).toEqual({ ...zero, support: 2, 'support-with-changes': 1 });
    expect(i1.majority).toEqual({ kind: 'position', position: 'support' });
    expect(i1.diverging).toEqual([
      { municipality: '3301', position: 'support-with-changes', text: 'Ta med legevakt', givenBy: 'siri' },
    ]);
    const i2 = summarizeItem(request, answers, 'i2');
    expect(i2.diverging).toEqual([
      { municipality: '3310', position: 'against', text: 'For dyrt for små kommuner', givenBy: 'eva' },
    ]);
    expect(i2.notAnswered).toEqual([]);
  });

  it('names who has not answered, and counts only submitted answers', () => {
    let answers = answer([], 'kari', '3305', both('support', 'against'));
    answers = answer(answers, 'siri', '3301', [{ itemId: 'i1', position: 'against', text: '' }], meeting, 'draft');
    const s = summarizeInput(meeting, request, answers);
    expect(s.notAnswered).toEqual(['3310', '3301']);
    expect(s.items.map((i) => i.itemId)).toEqual(['i1', 'i2']);
    expect(s.items[0]).toMatchObject({ counts: { ...zero, support: 1 }, notAnswered: ['3310', '3301'], diverging: [] });
  });

  it('uses the later answer when respondent and deputy both answered', () => {
    let answers = answer([], 'siri', '3301', both('support', 'support'));
    answers = answer(answers, 'lars', '3301', both('against', 'support', 'Nei likevel', ''));
    answers = answer(answers, 'kari', '3305', both('support', 'support'));
    const i1 = summarizeItem(request, answers, 'i1');
    expect(i1.counts).toEqual({ ...zero, support: 1, against: 1 });
    expect(i1.answered.find((a) => a.municipality === '3301')).toMatchObject({
      position: 'against',
      givenBy: 'lars',
      text: 'Nei likevel',
    });
  });

  it('has no majority on a tie, and then shows everyone who took a line as diverging', () => {
    let answers = answer([], 'kari', '3305', both('support', 'support'));
    answers = answer(answers, 'siri', '3301', both('against', 'support'));
    answers = answer(answers, 'eva', '3310', both('no-view', 'support'));
    const i1 = summarizeItem(request, answers, 'i1');
    expect(i1.majority).toEqual({ kind: 'tie', positions: ['support', 'against'] });
    expect(i1.diverging.map((d) => d.municipality)).toEqual(['3305', '3301']);
  });

  it('lets "no view" neither make a majority nor diverge from one', () => {
    expect(majorityOf({ ...zero, 'no-view': 3 })).toEqual({ kind: 'none' });
    expect(majorityOf({ ...zero, 'no-view': 2, against: 1 })).toEqual({ kind: 'position', position: 'against' });
    let answers = answer([], 'kari', '3305', both('no-view', 'support'));
    answers = answer(answers, 'siri', '3301', both('against', 'support'));
    expect(summarizeItem(request, answers, 'i1').diverging).toEqual([]);
  });

  it('has no majority and no divergence before anyone answers', () => {
    const s = summarizeItem(request, [], 'i1');
    expect(s).toMatchObject({
      majority: { kind: 'none' },
      diverging: [],
      answered: [],
      notAnswered: ['3305', '3310', '3301'],
    });
  });

  it('treats a case added after a municipality answered as not answered by it', () => {
    const answers = answer(
      [],
      'kari',
      '3305',
      [{ itemId: 'i1', position: 'support', text: '' }],
      must(withdrawItem(meeting, 'i2')),
    );
    expect(summarizeItem(request, answers, 'i1').notAnswered).toEqual(['3310', '3301']);
    expect(summarizeItem(request, answers, 'i2').notAnswered).toEqual(['3305', '3310', '3301']);
  });

  it('leaves withdrawn cases out of the meeting summary', () => {
    expect(summarizeInput(must(withdrawItem(meeting, 'i1')), request, []).items.map((i) => i.itemId)).toEqual(['i2']);
  });
});
