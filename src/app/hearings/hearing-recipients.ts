import type { Organisation } from '../../domain/organisation';
import type { MunicipalityNumber } from '../../domain/municipality';
import type { RecordStore } from '../../ports/record-store';
import { personalChats } from '../personal-chats';

export interface Recipient {
  readonly memberId: string;
  readonly name: string;
  readonly municipality: MunicipalityNumber;
  readonly role: 'respondent' | 'deputy';
  readonly conversationId: string;
}

export interface Recipients {
  readonly reachable: readonly Recipient[];
  /** Asked, but never opened a personal chat with the bot: it cannot write to them first. */
  readonly unreachable: readonly string[];
}

/**
 * Who answers for the given municipalities, one entry per person and municipality (a deputy for
 * two municipalities gets two cards), each with the personal chat to write to.
 */
export async function hearingRecipients(
  store: RecordStore,
  org: Organisation,
  municipalities: readonly MunicipalityNumber[],
  roles: readonly ('respondent' | 'deputy')[],
): Promise<Recipients> {
  const chats = await personalChats(store);
  const reachable: Recipient[] = [];
  const unreachable = new Set<string>();
  for (const municipality of municipalities) {
    for (const member of org.members) {
      const role = member.respondentFor.find((r) => r.municipality === municipality && roles.includes(r.role))?.role;
      if (!role) continue;
      const chat = await chats.of(member);
      if (chat) reachable.push({ memberId: member.id, name: member.name, municipality, role, conversationId: chat });
      else unreachable.add(member.name);
    }
  }
  return { reachable, unreachable: [...unreachable] };
}
