import { describe, expect, it } from 'vitest';
import {
  ownerAndDescription,
  readBudget,
  resolveOwner,
  spacedThousands,
} from '../../../src/app/action-plan/action-plan-args';
import { planYear } from '../../../src/app/action-plan/action-plan-records';
import type { Organisation } from '../../../src/domain/organisation';

const person = (id: string, name: string) => ({
  id,
  name,
  email: `${id}@example.kommune.no`,
  coordinator: false,
  memberships: [],
  respondentFor: [],
});
const org = {
  members: [person('kari-nordmann', 'Kari Nordmann'), person('kari-lie', 'Kari Lie'), person('aase-aas', 'Åse Aas')],
} as unknown as Organisation;

describe('what the action plan commands read', () => {
  it('a budget is whole kroner as typed; "150.000" and "150,5" are not guessed at', () => {
    expect(readBudget('150000')).toBe(150_000);
    expect(readBudget('0')).toBe(0);
    for (const typed of ['150.000', '150,5', '-5', 'kr150000', '', undefined])
      expect(readBudget(typed)).toBeUndefined();
  });

  it('"150 000" (a space between the thousands) is found, to be refused rather than read as kr 150', () => {
    expect(spacedThousands('150', '000 Helhetlige pasientforløp')).toBe('150 000');
    expect(spacedThousands('1', '500')).toBe('1 500');
    for (const [amount, after] of [
      ['150000', '000 Tittel'],
      ['150', 'Helhetlige pasientforløp'],
      ['150', '2027 plan'],
      ['150', undefined],
      [undefined, '000'],
    ] as const)
      expect(spacedThousands(amount, after)).toBeUndefined();
  });

  it('names the owner by id, e-mail, whole name or the start of the words of one name', () => {
    const id = (typed: string) => {
      const r = resolveOwner(org, typed);
      return r.ok ? r.value.id : r.error;
    };
    expect(id('kari-lie')).toBe('kari-lie');
    expect(id('Kari Nordmann')).toBe('kari-nordmann');
    expect(id('kari n')).toBe('kari-nordmann');
    expect(id('aase')).toBe('aase-aas');
    expect(id('KARI-LIE@example.kommune.no')).toBe('kari-lie');
    expect(id('kari')).toEqual({
      code: 'ACTION_PLAN.OWNER_AMBIGUOUS',
      params: { name: 'kari', names: 'Kari Nordmann, Kari Lie' },
    });
    expect(id('Per')).toEqual({ code: 'ACTION_PLAN.UNKNOWN_OWNER', params: { name: 'Per' } });
    expect(id('  ')).toEqual({ code: 'FOLLOW_UP.OWNER_REQUIRED' });
  });

  it('splits owner and measure at the first colon only', () => {
    expect(ownerAndDescription('Kari: Rutine: utskrivning')).toEqual({
      owner: 'Kari',
      description: 'Rutine: utskrivning',
    });
    expect(ownerAndDescription('Kari Rutine')).toBeUndefined();
  });

  it('without a year means the plan being drafted, else the coming year from September', () => {
    const draft = { year: 2027, focusAreas: [] };
    const adopted = { ...draft, adopted: { meetingId: 'M', itemId: 'I' } };
    expect(planYear('2026-12-03', [], 2030)).toBe(2030);
    expect(planYear('2026-12-03', [draft])).toBe(2027);
    expect(planYear('2027-03-01', [adopted])).toBe(2027);
    expect(planYear('2027-10-01', [adopted])).toBe(2027);
    expect(planYear('2026-10-01', [])).toBe(2027);
    expect(planYear('2026-05-01', [])).toBe(2026);
  });
});
