import type { Member } from '../domain/member';
import type { RecordStore } from '../ports/record-store';
import type { ConversationRecord } from './remember-conversation';

/** Finds the personal chat the bot can write to for a member, if they ever opened one. */
export interface PersonalChats {
  of(member: Member): Promise<string | undefined>;
}

/**
 * Reads the installed personal chats once, for a fan-out. A member is matched by the object
 * id in the organisation file, or else by an identity link (guests matched by address).
 */
export async function personalChats(store: RecordStore): Promise<PersonalChats> {
  const chats = await store.find<ConversationRecord>('conversations', { kind: 'personal', installed: true });
  const byObjectId = new Map(
    chats.filter((c) => c.value.aadObjectId).map((c) => [c.value.aadObjectId!.toLowerCase(), c.id]),
  );
  // Read once for the whole fan-out, not once per member: 356 guests would be 356 queries.
  let linked: Promise<Map<string, string[]>> | undefined;
  const linksByMember = () =>
    (linked ??= store.find<{ memberId: string }>('identityLinks').then((links) => {
      const byMember = new Map<string, string[]>();
      for (const link of links)
        byMember.set(link.value.memberId, [...(byMember.get(link.value.memberId) ?? []), link.id.toLowerCase()]);
      return byMember;
    }));
  return {
    async of(member) {
      const direct = member.aadObjectId ? byObjectId.get(member.aadObjectId.toLowerCase()) : undefined;
      if (direct) return direct;
      for (const objectId of (await linksByMember()).get(member.id) ?? []) {
        const chat = byObjectId.get(objectId);
        if (chat) return chat;
      }
      return undefined;
    },
  };
}
