import { isInvitedBy } from '../../domain/identity';
import type { Member } from '../../domain/member';
import { representedMunicipality } from '../../domain/member';
import type { Organisation } from '../../domain/organisation';
import { bodyName, findMember, memberById, municipalityName } from '../../domain/organisation';
import type { RecordStore } from '../../ports/record-store';
import type { IdentityLink } from '../identify-actor';
import { BODY_CHANNELS, SECRETARIAT_CHANNEL } from '../meetings/announcement-records';
import type { BodyChannel } from '../meetings/announcement-records';
import type { ConversationRecord } from '../remember-conversation';
import type { DeliveryFailure } from './delivery-failures';

/** A guest UPN names a member only when one of the host tenant's domains invited them. */
const trustedUpn = (upn: string | undefined, tenantDomains: readonly string[]): string | undefined =>
  upn && isInvitedBy(upn, tenantDomains) ? upn : undefined;

/** Whom a failed message was for, as far as any record Samråd keeps can tell. */
export type Recipient =
  | { readonly kind: 'member'; readonly name: string; readonly municipalities: readonly string[] }
  | { readonly kind: 'channel'; readonly body?: string; readonly secretariat?: true }
  | { readonly kind: 'groupChat' }
  /** Known to Teams but not to the organisation: the object id, so the coordinator can look them up. */
  | { readonly kind: 'unknown'; readonly objectId?: string };

interface TeamsUserRecord {
  readonly memberId: string;
  readonly userId: string;
}

interface ReferenceUser {
  readonly id?: unknown;
  readonly aadObjectId?: unknown;
  readonly userPrincipalName?: unknown;
  readonly email?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The municipalities a member answers for or sits for, by name, each once. */
function municipalitiesOf(org: Organisation, member: Member): string[] {
  const numbers = new Set<string>([
    ...member.respondentFor.map((r) => r.municipality),
    ...member.memberships.map(representedMunicipality).filter((n): n is string => n !== undefined),
  ]);
  return [...numbers].map((n) => municipalityName(org, n)).sort((a, b) => a.localeCompare(b, 'nb'));
}

/**
 * Names the person behind each failure through every identity link Samråd knows, reading each
 * list once for the whole listing: the object id in the organisation file; the identity links
 * stored when a guest was recognised by address or by the team roster (their member, or else
 * their address matched again, should the organisation file have changed ids since); the
 * Teams user id learnt when the person wrote (teams-users.ts); the address Teams gave in the
 * conversation's reference (a guest's UPN). Channels are named by the body linked to them.
 */
export async function recipientsOf(
  store: RecordStore,
  org: Organisation,
  failures: readonly DeliveryFailure[],
  tenantDomains: readonly string[] = [],
): Promise<(f: DeliveryFailure) => Recipient> {
  const [links, teamsUsers, channels, conversations] = await Promise.all([
    store.find<IdentityLink>('identityLinks'),
    store.find<TeamsUserRecord>('teamsUsers'),
    store.find<BodyChannel>(BODY_CHANNELS),
    Promise.all(
      [...new Set(failures.map((f) => f.conversationId))].map((id) =>
        store.get<ConversationRecord>('conversations', id),
      ),
    ),
  ]);
  const linkByObjectId = new Map(links.map((l) => [l.id.toLowerCase(), l.value]));
  const memberByUserId = new Map(teamsUsers.map((u) => [u.value.userId, u.value.memberId]));
  const conversationById = new Map(conversations.filter((c) => c !== undefined).map((c) => [c.id, c.value]));
  const bodyByChannel = new Map(channels.map((c) => [c.value.conversationId, c.value.bodyId]));

  const person = (f: DeliveryFailure, conversation: ConversationRecord | undefined): Member | undefined => {
    const user = (conversation?.reference as { user?: ReferenceUser } | undefined)?.user ?? {};
    const objectId = f.aadObjectId ?? conversation?.aadObjectId ?? str(user.aadObjectId);
    const found = objectId ? linkByObjectId.get(objectId.toLowerCase()) : undefined;
    // An address is evidence only when the host tenant wrote it (a look-alike guest is nobody we know).
    const link =
      found && (found.address === undefined || isInvitedBy(found.address, tenantDomains)) ? found : undefined;
    const userId = str(user.id);
    const upn = trustedUpn(str(user.userPrincipalName), tenantDomains);
    const email = str(user.email);
    return (
      (objectId ? findMember(org, { aadObjectId: objectId }) : undefined) ??
      (link && memberById(org, link.memberId)) ??
      (link?.address ? findMember(org, { upn: link.address }) : undefined) ??
      (userId && memberByUserId.has(userId) ? memberById(org, memberByUserId.get(userId)!) : undefined) ??
      (upn || email ? findMember(org, { ...(upn && { upn }), ...(email && { email }) }) : undefined)
    );
  };

  return (f) => {
    const conversation = conversationById.get(f.conversationId);
    const kind = f.conversationKind ?? conversation?.kind;
    if (kind === 'channel') {
      const bodyId = bodyByChannel.get(f.conversationId);
      if (bodyId === SECRETARIAT_CHANNEL) return { kind: 'channel', secretariat: true };
      return bodyId ? { kind: 'channel', body: bodyName(org, bodyId) } : { kind: 'channel' };
    }
    if (kind === 'groupChat') return { kind: 'groupChat' };
    const member = person(f, conversation);
    if (member) return { kind: 'member', name: member.name, municipalities: municipalitiesOf(org, member) };
    const objectId = f.aadObjectId ?? conversation?.aadObjectId;
    return objectId ? { kind: 'unknown', objectId } : { kind: 'unknown' };
  };
}
