import { describe, expect, it } from 'vitest';
import {
  addFocusArea,
  adoptionDrafts,
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
