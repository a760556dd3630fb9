import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { parseOrganisation } from '../../../src/adapters/organisation-file/yaml-organisation-source';
import type { ActionPlanRecord } from '../../../src/app/action-plan/action-plan-records';
import { PLAN_TEXT_BYTES, planText } from '../../../src/app/action-plan/action-plan-text';
import { SignedLinks } from '../../../src/app/exports/signed-links';
import { addFocusArea, FOCUS_AREAS_MAX, type ActionPlan } from '../../../src/domain/action-plan';
import { Catalogue } from '../../../src/i18n/catalogue';

const parsed = parseOrganisation(readFileSync('config/organisation.yaml', 'utf8'));
if (!parsed.ok) throw new Error('the sample organisation does not load');
const org = parsed.value;
const t = Catalogue.load().for('nb');
const links = new SignedLinks(() => 'http://127.0.0.1:3978/', 'a-secret-of-at-least-thirty-two-characters');
const now = new Date('2026-12-03T10:00:00Z');

/** A plan of `areas` focus areas, each with `measures` measures of 470 characters. */
const plan = (areas: number, measures: number): ActionPlanRecord => ({
  year: 2027,
  createdAt: now.toISOString(),
  focusAreas: Array.from({ length: areas }, (_, a) => ({
    id: String(a + 1),
    title: `Område ${a + 1} `.padEnd(190, 'x'),
    priority: a + 1,
    budget: 100_000,
    measures: Array.from({ length: measures }, (_, m) => ({
      id: String(m + 1),
      description: `Tiltak ${m + 1} `.padEnd(470, 'y'),
      owner: 'marit-kvam',
      due: '2027-06-15',
    })),
  })),
});
const show = (p: ActionPlanRecord) =>
  planText({ store: new MemoryStore(), links }, org, t, p, { coordinator: true }, now);

describe('handlingsplan as one chat message', () => {
  it('shows every measure while the plan fits a message', async () => {
    const out = await show(plan(3, 4));
    expect(out).toContain('- Tiltak 4 yyy');
    expect(out).toContain('Samlet budsjett: kr\u00a0300\u00a0000,00.');
    // kr 3.50 for each of the sample's inhabitants in 2027: the budget is set against it.
    expect(out).toMatch(/Kontingenten for året gir kr[\d\u00a0,]+; kr[\d\u00a0,]+ er ikke fordelt\./);
  });

  it('within Teams’ 28 KB however long the plan: the areas with their counts, and where the measures are', async () => {
    const out = await show(plan(FOCUS_AREAS_MAX, 30));
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(PLAN_TEXT_BYTES);
    expect(out).toContain('(30 tiltak)');
    expect(out).toContain('Tiltakene er for mange til å vises i én melding.');
    expect(out).not.toContain('Tiltak 1 yyy');
  });

  it('a plan has at most 20 focus areas', () => {
    const full: ActionPlan = plan(FOCUS_AREAS_MAX, 0);
    expect(addFocusArea(full, { id: '99', title: 'Én til', priority: 99, budget: 0, measures: [] })).toEqual({
      ok: false,
      error: { code: 'ACTION_PLAN.TOO_MANY_AREAS', params: { max: 20 } },
    });
  });
});
