import type { Member } from './member';
import { holdsSeatOn } from './member';

/**
 * What a person may do follows from their roles. A person can hold several
 * (a board member is often also their municipality's respondent).
 */
export type Role = 'coordinator' | 'chair' | 'board-member' | 'member' | 'observer' | 'respondent';

export function rolesOf(member: Member, boardId: string | undefined, onDate: string): ReadonlySet<Role> {
  const roles = new Set<Role>();
  if (member.coordinator) roles.add('coordinator');
  for (const seat of member.memberships) {
    if (!holdsSeatOn(seat, onDate)) continue;
    if (seat.role === 'observer') roles.add('observer');
    else {
      roles.add('member');
      if (seat.role === 'chair') roles.add('chair');
      if (seat.body === boardId) roles.add('board-member');
    }
  }
  if (member.respondentFor.length > 0) roles.add('respondent');
  return roles;
}

/** An audience a command is open to; 'anyone-registered' is every member of the organisation. */
export type Audience = 'anyone-registered' | Role;

export function mayUse(roles: ReadonlySet<Role>, audience: readonly Audience[]): boolean {
  return audience.some((a) => a === 'anyone-registered' || roles.has(a));
}
