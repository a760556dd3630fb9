import { describe, expect, it } from 'vitest';
import {
  addFocusArea,
  addMeasure,
  adoptPlan,
  adoptionDrafts,
  budgetBalance,
  nextFocusAreaId,
  presentPlan,
  focusAreaStatus,
  totalBudget,
  type ActionPlan,
  type FocusArea,
} from '../../../src/domain/action-plan';

const empty: ActionPlan = { year: 2027, focusAreas: [] };
const area = (id: string, priority: number, budget = 100_000): FocusArea => ({
  id,
  title: ` Område ${id} `,
  priority,
  budget,
  measures: [
    { id: 'm1', description: 'Første tiltak', owner: 'kari', due: '2027-06-30' },
    { id: 'm2', description: 'Andre tiltak', owner: 'ola', due: '2027-03-01' },
  ],
});

const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('expected ok');
  return r.value;
};

describe('action plan (handlingsplan og budsjett)', () => {
  it('keeps focus areas in priority order, trims titles and sums the budget', () => {
    const plan = must(addFocusArea(must(addFocusArea(empty, area('b', 2, 50_000))), area('a', 1)));
    expect(plan.focusAreas.map((a) => a.id)).toEqual(['a', 'b']);
    expect(plan.focusAreas[0]?.title).toBe('Område a');
    expect(totalBudget(plan)).toBe(150_000);
  });

  it('refuses a second area with the same priority, a bad budget or priority, and an empty title', () => {
    const plan = must(addFocusArea(empty, area('a', 1)));
    expect(addFocusArea(plan, area('b', 1))).toEqual({
      ok: false,
      error: { code: 'ACTION_PLAN.DUPLICATE_PRIORITY', params: { priority: 1 } },
    });
    expect(addFocusArea(plan, area('b', 2, -5))).toMatchObject({ error: { code: 'ACTION_PLAN.BAD_BUDGET' } });
    expect(addFocusArea(plan, area('b', 0))).toMatchObject({ error: { code: 'ACTION_PLAN.BAD_PRIORITY' } });
    expect(addFocusArea(plan, { ...area('b', 2), title: '  ' })).toMatchObject({
      error: { code: 'ACTION_PLAN.TITLE_REQUIRED' },
    });
  });

  it('refuses changes once adopted: a change is a new board case', () => {
    const adopted: ActionPlan = { ...empty, adopted: { meetingId: 'st-1', itemId: 'i-3' } };
    expect(addFocusArea(adopted, area('a', 1))).toMatchObject({
      error: { code: 'ACTION_PLAN.ADOPTED', params: { year: 2027 } },
    });
  });

  it('turns every measure into a follow-up draft of the adopting item, with stable ids', () => {
    const plan = must(addFocusArea(empty, area('a', 1)));
    const drafts = must(adoptionDrafts(plan, 'i-3'));
    expect(drafts).toEqual([
      { id: '2027-a-m1', itemId: 'i-3', description: 'Område a: Første tiltak', owner: 'kari', due: '2027-06-30' },
      { id: '2027-a-m2', itemId: 'i-3', description: 'Område a: Andre tiltak', owner: 'ola', due: '2027-03-01' },
    ]);
    expect(adoptionDrafts(empty, 'i-3')).toMatchObject({ error: { code: 'ACTION_PLAN.EMPTY' } });
  });

  it('reports status per focus area from its tasks: done, open and overdue', () => {
    const plan = must(addFocusArea(must(addFocusArea(empty, area('a', 1))), area('b', 2)));
    const tasks = [
      { id: '2027-a-m1', status: 'done' as const, due: '2027-06-30' },
      { id: '2027-a-m2', status: 'open' as const, due: '2027-03-01' },
      { id: '2027-b-m1', status: 'open' as const, due: '2027-06-30' },
    ];
    expect(focusAreaStatus(plan, tasks, '2027-04-01')).toEqual([
      { areaId: 'a', title: 'Område a', done: 1, open: 1, overdue: 1 },
      { areaId: 'b', title: 'Område b', done: 0, open: 1, overdue: 0 },
    ]);
  });
});

describe('measures, the board case and adoption', () => {
  const members = ['kari', 'ola'];
  const base = must(
    addFocusArea(empty, { id: '1', title: 'Helhetlige pasientforløp', priority: 1, budget: 150_000, measures: [] }),
  );
  const measure = { description: 'Felles rutine for utskrivning', owner: 'kari', due: '2027-06-15' };

  it('adds a measure to the focus area with that priority, with counter ids', () => {
    const one = must(addMeasure(base, 1, measure, members, '2026-12-03'));
    const two = must(addMeasure(one, 1, { ...measure, description: ' Opplæring ' }, members, '2026-12-03'));
    expect(two.focusAreas[0]?.measures.map((m) => [m.id, m.description])).toEqual([
      ['1', 'Felles rutine for utskrivning'],
      ['2', 'Opplæring'],
    ]);
    expect(nextFocusAreaId(two)).toBe('2');
  });

  it('holds a measure to a follow-up task’s rules before it is one', () => {
    const add = (m: Partial<typeof measure>, priority = 1) =>
      addMeasure(base, priority, { ...measure, ...m }, members, '2026-12-03');
    expect(add({}, 2)).toEqual({
      ok: false,
      error: { code: 'ACTION_PLAN.UNKNOWN_FOCUS_AREA', params: { year: 2027, priority: 2 } },
    });
    expect(add({ description: ' ' })).toMatchObject({ error: { code: 'FOLLOW_UP.DESCRIPTION_REQUIRED' } });
    // The task reads "Helhetlige pasientforløp: …" and a task holds 500 characters.
    expect(add({ description: 'x'.repeat(475) })).toEqual({
      ok: false,
      error: { code: 'FOLLOW_UP.DESCRIPTION_TOO_LONG', params: { max: 474 } },
    });
    expect(add({ description: 'x'.repeat(474) }).ok).toBe(true);
    expect(add({ owner: 'nobody' })).toMatchObject({ error: { code: 'FOLLOW_UP.UNKNOWN_OWNER' } });
    expect(add({ due: '2027-02-30' })).toMatchObject({ error: { code: 'FOLLOW_UP.BAD_DUE_DATE' } });
    expect(add({ due: '2026-12-02' })).toMatchObject({ error: { code: 'FOLLOW_UP.DUE_IN_PAST' } });
  });

  it('goes to the board as a case only with focus areas and no measure due before the meeting', () => {
    const at = { meetingId: 'M1', itemId: 'M1:x' };
    expect(presentPlan(empty, at, '2026-12-10')).toMatchObject({ error: { code: 'ACTION_PLAN.EMPTY' } });
    const early = must(addMeasure(base, 1, { ...measure, due: '2026-12-05' }, members, '2026-12-03'));
    expect(presentPlan(early, at, '2026-12-10')).toEqual({
      ok: false,
      error: { code: 'ACTION_PLAN.DUE_BEFORE_MEETING', params: { measure: measure.description, priority: 1 } },
    });
    const presented = must(presentPlan(must(addMeasure(base, 1, measure, members, '2026-12-03')), at, '2026-12-10'));
    expect(presented.presented).toEqual(at);
  });

  it('is adopted once, and only by the case it was presented as', () => {
    const at = { meetingId: 'M1', itemId: 'M1:x' };
    const presented = must(presentPlan(base, at, '2026-12-10'));
    expect(adoptPlan(presented, { meetingId: 'M1', itemId: 'M1:other' })).toMatchObject({
      error: { code: 'ACTION_PLAN.NOT_PRESENTED' },
    });
    const adopted = must(adoptPlan(presented, at));
    expect(adopted.adopted).toEqual(at);
    expect(adoptPlan(adopted, at)).toMatchObject({ error: { code: 'ACTION_PLAN.ADOPTED' } });
    expect(addMeasure(adopted, 1, measure, members, '2026-12-03')).toMatchObject({
      error: { code: 'ACTION_PLAN.ADOPTED' },
    });
  });

  it('sets the budget against the fee income: kr 3.50 per inhabitant', () => {
    // 100 000 inhabitants at kr 3.50 (the rate after the 2019 agreement's kr 3) is kr 350 000.
    const income = 100_000 * 350;
    const plan = must(addFocusArea(base, { id: '2', title: 'Kompetanse', priority: 2, budget: 100_000, measures: [] }));
    expect(budgetBalance(plan, income)).toEqual({ budgetOre: 25_000_000, leftOre: 10_000_000 });
    expect(budgetBalance(plan, 50_000 * 350).leftOre).toBe(-7_500_000);
  });
});
