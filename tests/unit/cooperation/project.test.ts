import { describe, expect, it } from 'vitest';
import type { Project } from '../../../src/domain/project';
import {
  addMilestone,
  addOwnFunding,
  applyForFunding,
  findProjects,
  fundingTotals,
  milestoneStatus,
  projectProgress,
  reachMilestone,
  settleFunding,
  startProject,
} from '../../../src/domain/project';

const now = new Date('2026-12-03T09:00:00Z');
const today = '2026-12-03';
// The board's decision 6/2018 (22.01.2018) to seek external funding for KomUt.
const boardDecisions = [{ caseNumber: { number: 6, year: 2018 }, date: '2018-01-22' }];

const komut = (): Project => {
  const r = startProject(
    { name: 'KomUt', leader: 'Kari Nordmann', purpose: 'Elektroniske meldinger mellom kommuner og fastleger' },
    { id: 'komut', by: 'ingrid-haugen' },
    now,
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('projects: starting one', () => {
  it('needs a name and a project leader', () => {
    expect(komut()).toMatchObject({ name: 'KomUt', leader: 'Kari Nordmann', funding: [], milestones: [] });
    const noLeader = startProject({ name: 'KomUt', leader: ' ', purpose: '' }, { id: 'P1', by: 'x' }, now);
    expect(!noLeader.ok && noLeader.error.code).toBe('PROJECT.LEADER_MISSING');
    const noName = startProject({ name: '', leader: 'Kari', purpose: '' }, { id: 'P1', by: 'x' }, now);
    expect(!noName.ok && noName.error.code).toBe('PROJECT.NAME_MISSING');
  });
});

describe('projects: funding', () => {
  it('external funding is applied for only against a board decision to apply, in the register and not later than today', () => {
    const missing = applyForFunding(
      komut(),
      { amount: 500_000, funder: 'Norsk Helsenett', boardCase: { number: 9, year: 2018 } },
      boardDecisions,
      now,
      today,
    );
    expect(!missing.ok && missing.error).toEqual({ code: 'PROJECT.NO_BOARD_DECISION', params: { case: '9/2018' } });
    const later = applyForFunding(
      komut(),
      { amount: 500_000, funder: 'Norsk Helsenett', boardCase: { number: 6, year: 2018 } },
      boardDecisions,
      now,
      '2018-01-21',
    );
    expect(!later.ok && later.error.code).toBe('PROJECT.NO_BOARD_DECISION');
    const applied = applyForFunding(
      komut(),
      { amount: 500_000, funder: 'Norsk Helsenett', boardCase: { number: 6, year: 2018 } },
      boardDecisions,
      now,
      today,
    );
    expect(applied.ok && applied.value.funding[0]).toMatchObject({
      kind: 'external',
      status: 'applied',
      boardCase: { number: 6, year: 2018 },
    });
  });

  it('an application is granted or refused once; own money is committed when recorded', () => {
    const own = addOwnFunding(komut(), 150_000, 'Kontingent 2027', now);
    if (!own.ok) throw new Error('refused');
    const applied = applyForFunding(
      own.value,
      { amount: 500_000, funder: 'Norsk Helsenett', boardCase: { number: 6, year: 2018 } },
      boardDecisions,
      now,
      today,
    );
    if (!applied.ok) throw new Error('refused');
    expect(fundingTotals(applied.value)).toEqual({ own: 150_000, granted: 0, applied: 500_000, secured: 150_000 });
    const granted = settleFunding(applied.value, 2, 'granted', now);
    if (!granted.ok) throw new Error('refused');
    expect(fundingTotals(granted.value)).toEqual({ own: 150_000, granted: 500_000, applied: 0, secured: 650_000 });
    const again = settleFunding(granted.value, 2, 'refused', now);
    expect(!again.ok && again.error).toEqual({ code: 'PROJECT.FUNDING_SETTLED', params: { n: 2 } });
    const ownSettled = settleFunding(granted.value, 1, 'granted', now);
    expect(!ownSettled.ok && ownSettled.error.code).toBe('PROJECT.FUNDING_IS_OWN');
    expect(!settleFunding(granted.value, 3, 'granted', now).ok).toBe(true);
  });

  it('an amount is whole kroner above zero', () => {
    const zero = addOwnFunding(komut(), 0, '', now);
    expect(!zero.ok && zero.error.code).toBe('PROJECT.BAD_AMOUNT');
    expect(addOwnFunding(komut(), 10.5, '', now).ok).toBe(false);
  });
});

describe('projects: milestones', () => {
  it('a milestone is planned, due soon within 14 days, overdue after its day, reached, or reached late', () => {
    expect(milestoneStatus({ title: 'a', due: '2027-01-31' }, today)).toBe('planned');
    expect(milestoneStatus({ title: 'a', due: '2026-12-17' }, today)).toBe('due-soon');
    expect(milestoneStatus({ title: 'a', due: '2026-12-18' }, today)).toBe('planned');
    expect(milestoneStatus({ title: 'a', due: '2026-12-02' }, today)).toBe('overdue');
    expect(milestoneStatus({ title: 'a', due: '2026-12-02', reached: '2026-12-01' }, today)).toBe('reached');
    expect(milestoneStatus({ title: 'a', due: '2026-12-02', reached: '2026-12-03' }, today)).toBe('reached-late');
  });

  it('milestones are kept in due order and reached once, not in the future', () => {
    let p = komut();
    for (const m of [
      { title: 'Pilot i Gol', due: '2027-03-01' },
      { title: 'Avtale med Norsk Helsenett', due: '2026-11-15' },
    ]) {
      const r = addMilestone(p, m);
      if (!r.ok) throw new Error('refused');
      p = r.value;
    }
    expect(p.milestones.map((m) => m.title)).toEqual(['Avtale med Norsk Helsenett', 'Pilot i Gol']);
    expect(projectProgress(p, today)).toMatchObject({ reached: 0, total: 2, overdue: 1 });
    const future = reachMilestone(p, 1, '2026-12-04', today);
    expect(!future.ok && future.error.code).toBe('PROJECT.REACHED_IN_FUTURE');
    const reached = reachMilestone(p, 1, today, today);
    if (!reached.ok) throw new Error('refused');
    expect(projectProgress(reached.value, today)).toMatchObject({
      reached: 1,
      overdue: 0,
      next: { title: 'Pilot i Gol' },
    });
    const twice = reachMilestone(reached.value, 1, today, today);
    expect(!twice.ok && twice.error).toEqual({
      code: 'PROJECT.MILESTONE_REACHED',
      params: { n: 1, title: 'Avtale med Norsk Helsenett' },
    });
    const bad = addMilestone(p, { title: 'x', due: '31.02.2027' });
    expect(!bad.ok && bad.error.code).toBe('PROJECT.BAD_DATE');
  });

  it('finds a project by id or a fragment of its name', () => {
    const p = komut();
    expect(findProjects([p], 'KOMUT').map((x) => x.id)).toEqual(['komut']);
    expect(findProjects([p], 'kom').map((x) => x.id)).toEqual(['komut']);
    expect(findProjects([p], 'bpa')).toEqual([]);
  });
});
