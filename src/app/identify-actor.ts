import { isInvitedBy } from '../domain/identity';
import type { Member } from '../domain/member';
import type { Organisation } from '../domain/organisation';
import { findMember, memberById } from '../domain/organisation';
import type { Role } from '../domain/role';
import { rolesOf } from '../domain/role';
import { boardOf } from '../domain/organisation';

import type { RecordStore } from '../ports/record-store';
import { isStoreError } from '../ports/record-store';
import { osloDate } from '../domain/oslo-time';

/** The person behind an activity, as far as Teams tells us. */
export interface TeamsUser {
  readonly userId: string;
  readonly aadObjectId?: string;
  readonly name?: string;
}

/** Addresses Teams knows for a user; fetched only when the object id is not enough. */
export type AddressLookup = () => Promise<{ upn?: string; email?: string } | undefined>;

export type Actor =
  | { readonly kind: 'member'; readonly member: Member; readonly roles: ReadonlySet<Role>; readonly user: TeamsUser }
  | { readonly kind: 'unregistered'; readonly user: TeamsUser; readonly address?: string };

export interface IdentityLink {
  readonly memberId: string;
  readonly aadObjectId: string;
  readonly address?: string;
  readonly linkedBy: 'address' | 'roster';
}

/**
 * The addresses to match by: none when the UPN is a guest UPN another tenant wrote, since its
 * e-mail address then comes from that tenant's directory as well.
 */
function trusted(address: { upn?: string; email?: string }, tenantDomains: readonly string[]) {
  return address.upn === undefined || isInvitedBy(address.upn, tenantDomains) ? address : undefined;
}

/**
 * Object id first (from the file or an earlier link), then the address Teams gives
 * (a guest's UPN decoded, when the host tenant invited the guest: `tenantDomains`). A match
 * by address is linked to the object id, so it is looked up once.
 */
export async function identifyActor(
  org: Organisation,
  store: RecordStore,
  user: TeamsUser,
  lookup: AddressLookup,
  now: Date,
  tenantDomains: readonly string[] = [],
): Promise<Actor> {
  const asMember = (member: Member): Actor => ({
    kind: 'member',
    member,
    user,
    roles: rolesOf(member, boardOf(org)?.id, osloDate(now)),
  });
  const direct = findMember(org, { aadObjectId: user.aadObjectId });
  if (direct) return asMember(direct);
  if (user.aadObjectId) {
    const link = await store.get<IdentityLink>('identityLinks', user.aadObjectId.toLowerCase());
    // A link made by address before the host's domains were checked is honoured only if its
    // address would still be trusted today: a look-alike linked then is a stranger now.
    const trustedLink = link && (link.value.address === undefined || isInvitedBy(link.value.address, tenantDomains));
    const linked = trustedLink && memberById(org, link.value.memberId);
    if (linked) return asMember(linked);
  }
  const address = await lookup().catch(() => undefined);
  const usable = address && trusted(address, tenantDomains);
  const byAddress = usable && findMember(org, usable);
  if (byAddress) {
    if (user.aadObjectId)
      await linkIdentity(store, byAddress.id, user.aadObjectId, address.upn ?? address.email, 'address');
    return asMember(byAddress);
  }
  const shown = address?.email ?? address?.upn;
  return shown ? { kind: 'unregistered', user, address: shown } : { kind: 'unregistered', user };
}

export async function linkIdentity(
  store: RecordStore,
  memberId: string,
  aadObjectId: string,
  address: string | undefined,
  linkedBy: IdentityLink['linkedBy'],
): Promise<boolean> {
  const link: IdentityLink = address
    ? { memberId, aadObjectId, address, linkedBy }
    : { memberId, aadObjectId, linkedBy };
  try {
    await store.create<IdentityLink>('identityLinks', aadObjectId.toLowerCase(), link);
    return true;
  } catch (e) {
    // Two turns of one person at once link the same id: the first one wins, both are right.
    if (isStoreError(e, 'STORE.ALREADY_EXISTS')) return false;
    throw e;
  }
}
