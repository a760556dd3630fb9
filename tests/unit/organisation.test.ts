import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrganisation } from '../../src/adapters/organisation-file/yaml-organisation-source';
import type { Organisation } from '../../src/domain/organisation';
import { findBody, findMember, seatsOf } from '../../src/domain/organisation';
import { mayUse, rolesOf } from '../../src/domain/role';

const parsed = parseOrganisation(readFileSync(join(__dirname, '..', '..', 'config', 'organisation.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('sample organisation does not load');
const org: Organisation = parsed.value;
const member = (id: string) => org.members.find((m) => m.id === id)!;

describe('organisation', () => {
  it('finds bodies by id, name or alias regardless of case and accents', () => {
    expect(findBody(org, 'OSU')?.id).toBe('osu');
    expect(findBody(org, 'the board')?.id).toBe('styret');
    expect(findBody(org, 'lsu baerum')?.id).toBe('lsu-baerum');
    expect(findBody(org, 'Ordførermøtet')?.id).toBe('ordformotet');
    expect(findBody(org, 'kommunestyret')).toBeUndefined();
  });

  it('lists only seats in force on the day', () => {
    expect(seatsOf(org, 'styret', '2026-06-01')).toHaveLength(8);
    // The sample re-elects the board for 2027–2028; after that, no seats.
    expect(seatsOf(org, 'styret', '2027-01-01')).toHaveLength(8);
    expect(seatsOf(org, 'styret', '2029-01-01')).toHaveLength(0);
    expect(seatsOf(org, 'styret', '2026-06-01')[0]).toMatchObject({ role: 'chair', represents: 'Ringerike' });
  });

  it('recognises a guest by the address in the guest UPN', () => {
    expect(findMember(org, { upn: 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com' })?.id).toBe('siri-lie');
    expect(findMember(org, { aadObjectId: '6F1C2A4E-1B2C-4D3E-8F40-000000000001' })?.id).toBe('ingrid-haugen');
    expect(findMember(org, { upn: 'nobody_x.no#EXT#@samrad.onmicrosoft.com' })).toBeUndefined();
  });

  it('derives roles from seats in force and respondent duties', () => {
    expect([...rolesOf(member('ingrid-haugen'), 'styret', '2026-06-01')].sort()).toEqual(['coordinator', 'observer']);
    expect([...rolesOf(member('marit-kvam'), 'styret', '2026-06-01')].sort()).toEqual([
      'board-member',
      'member',
      'respondent',
    ]);
    expect(rolesOf(member('marit-kvam'), 'styret', '2029-06-01').has('board-member')).toBe(false);
    expect([...rolesOf(member('knut-lund'), 'styret', '2026-06-01')]).toEqual(['respondent']);
  });

  it('lets only the audience a command names use it', () => {
    const respondent = rolesOf(member('knut-lund'), 'styret', '2026-06-01');
    expect(mayUse(respondent, ['anyone-registered'])).toBe(true);
    expect(mayUse(respondent, ['coordinator'])).toBe(false);
    expect(mayUse(rolesOf(member('ingrid-haugen'), 'styret', '2026-06-01'), ['coordinator'])).toBe(true);
  });
});
