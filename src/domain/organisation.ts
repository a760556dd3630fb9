import type { Area } from './area';
import type { Body } from './body';
import { bodyAnswersTo } from './body';
import type { Member } from './member';
import { holdsSeatOn } from './member';
import type { Municipality } from './municipality';
import { byName } from './municipality';
import { sameAddress } from './identity';
import type { PopulationCount } from './fee-terms';
import type { FeeTerms } from './fee-terms';
import type { BoardRules } from './board-rules';
import type { Network } from './network';
import type { Project } from './project';

export interface Cooperation {
  readonly name: string;
  readonly hospitalTrust: string;
}

/** The cooperation as the secretariat describes it in its organisation file. */
export interface Organisation {
  readonly cooperation: Cooperation;
  readonly areas: readonly Area[];
  readonly municipalities: readonly Municipality[];
  readonly bodies: readonly Body[];
  readonly members: readonly Member[];
  /** The membership fee's rates and due day; the agreement's when absent. */
  readonly fees?: FeeTerms;
  /** Population per municipality as of 1 January, year by year, with its source. */
  readonly populations?: readonly PopulationCount[];
  /** The agreement's rules for the board, checked as warnings; the agreement's numbers when absent. */
  readonly boardRules?: BoardRules;
  /** The networks the secretariat runs (the BPA network): their members and suppliers. */
  readonly networks?: readonly Network[];
  /** Projects as the file describes them; what happens to them later is kept in the store. */
  readonly projects?: readonly Project[];
}

/** A seat as a list shows it: who sits, in what role, for whom. */
export interface Seat {
  readonly member: Member;
  readonly role: Member['memberships'][number]['role'];
  readonly represents: string;
  /** A deputy's seat: the member she stands in for. */
  readonly deputyFor?: string;
}

export function boardOf(org: Organisation): Body | undefined {
  return org.bodies.find((b) => b.kind === 'board');
}

export function findBody(org: Organisation, name: string): Body | undefined {
  return org.bodies.find((b) => bodyAnswersTo(b, name));
}

/** The body's name as people know it; its id if the organisation no longer has it. */
export const bodyName = (org: Organisation, bodyId: string): string =>
  org.bodies.find((b) => b.id === bodyId)?.name ?? bodyId;

export function municipalityName(org: Organisation, number: string): string {
  return org.municipalities.find((m) => m.number === number)?.name ?? number;
}

const roleOrder = { chair: 0, member: 1, deputy: 2, observer: 3 } as const;

export function seatsOf(org: Organisation, bodyId: string, onDate: string): Seat[] {
  const seats: Seat[] = [];
  for (const member of org.members) {
    for (const m of member.memberships) {
      if (m.body !== bodyId || !holdsSeatOn(m, onDate)) continue;
      const represents =
        'municipality' in m.represents ? municipalityName(org, m.represents.municipality) : m.represents.party;
      seats.push({ member, role: m.role, represents, ...(m.deputyFor && { deputyFor: m.deputyFor }) });
    }
  }
  return seats.sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.represents.localeCompare(b.represents, 'nb'));
}

export function municipalitiesSorted(org: Organisation): Municipality[] {
  return [...org.municipalities].sort(byName);
}

export function areaNames(org: Organisation, m: Municipality): string[] {
  return m.areas.map((id) => org.areas.find((a) => a.id === id)?.name ?? id);
}

export function respondentsOf(org: Organisation, municipality: string): Member[] {
  return org.members.filter((p) => p.respondentFor.some((r) => r.municipality === municipality));
}

export function coordinators(org: Organisation): Member[] {
  return org.members.filter((m) => m.coordinator);
}

/** Recognise a Teams user by object id first, then by address (guest UPNs decoded). */
export function findMember(
  org: Organisation,
  who: { aadObjectId?: string; upn?: string; email?: string },
): Member | undefined {
  if (who.aadObjectId) {
    const id = who.aadObjectId.toLowerCase();
    const byId = org.members.find((m) => m.aadObjectId?.toLowerCase() === id);
    if (byId) return byId;
  }
  return org.members.find((m) => sameAddress(m.email, who.upn) || sameAddress(m.email, who.email));
}

export function memberById(org: Organisation, id: string): Member | undefined {
  return org.members.find((m) => m.id === id);
}
