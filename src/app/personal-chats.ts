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
  const byObjectId = new Map(chats.filter((c) => c.value.aadObjectId).map((c) => [c.value.aadObjectId!.toLowerCase(), c.id]));
  return {
    async of(member) {
      const direct = member.aadObjectId ? byObjectId.get(member.aadObjectId.toLowerCase()) : undefined;
      if (direct) return direct;
      const links = await store.find<{ memberId: string }>('identityLinks', { memberId: member.id });
      for (const link of links) {
        const chat = byObjectId.get(link.id.toLowerCase());
        if (chat) return chat;
      }
      return undefined;
    },
  };
}
