import type { Member } from '../domain/member';
import type { Organisation } from '../domain/organisation';
import { isInvitedBy } from '../domain/identity';
import { findMember } from '../domain/organisation';
import type { RecordStore } from '../ports/record-store';
import type { TeamMember, TeamRoster } from '../ports/team-roster';
import type { IdentityLink } from './identify-actor';
import { linkIdentity } from './identify-actor';

export interface RosterReport {
  readonly teamSize: number;
  readonly matched: number;
  /** Matched by address now and linked to their object id. */
  readonly linked: readonly Member[];
  readonly notInTeam: readonly Member[];
  readonly notInOrganisation: readonly TeamMember[];
}

export async function compareRoster(
  org: Organisation,
  store: RecordStore,
  roster: TeamRoster,
  tenantDomains: readonly string[] = [],
): Promise<RosterReport> {
  const links = new Map(
    (await store.find<IdentityLink>('identityLinks')).map((l) => [l.id, l.value.memberId] as const),
  );
  const seen = new Set<string>();
  const linked: Member[] = [];
  const notInOrganisation: TeamMember[] = [];
  let teamSize = 0;
  for await (const person of roster.members()) {
    teamSize++;
    const objectId = person.aadObjectId?.toLowerCase();
    const viaLink = objectId ? links.get(objectId) : undefined;
    const member =
      findMember(org, { aadObjectId: person.aadObjectId }) ??
      (viaLink ? org.members.find((m) => m.id === viaLink) : undefined) ??
      // By address only when the host tenant wrote the guest UPN (see isInvitedBy).
      (person.userPrincipalName === undefined || isInvitedBy(person.userPrincipalName, tenantDomains)
        ? findMember(org, { upn: person.userPrincipalName, email: person.email })
        : undefined);
    if (!member) {
      notInOrganisation.push(person);
      continue;
    }
    seen.add(member.id);
    const known = member.aadObjectId?.toLowerCase() === objectId || viaLink === member.id;
    if (objectId && !known) {
      if (await linkIdentity(store, member.id, objectId, person.userPrincipalName ?? person.email, 'roster'))
        linked.push(member);
    }
  }
  return {
    teamSize,
    matched: seen.size,
    linked,
    notInTeam: org.members.filter((m) => !seen.has(m.id)),
    notInOrganisation,
  };
}
