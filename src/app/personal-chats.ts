import type { Member } from '../domain/member';
import type { RecordStore, StoredRecord } from '../ports/record-store';
import type { ConversationRecord } from './remember-conversation';

/** The personal chats the bot may write to first: people who installed it. */
export const installedPersonalChats = (store: RecordStore): Promise<StoredRecord<ConversationRecord>[]> =>
  store.find<ConversationRecord>('conversations', { kind: 'personal', installed: true });

/**
 * A member's personal chat with the bot, if they ever opened one: by object id, or for guests
 * matched by address, through their identity link.
 */
export async function personalChatOf(
  store: RecordStore,
  personal: readonly StoredRecord<ConversationRecord>[],
  member: Member,
): Promise<StoredRecord<ConversationRecord> | undefined> {
  const byId = personal.find((c) => member.aadObjectId !== undefined && c.value.aadObjectId?.toLowerCase() === member.aadObjectId.toLowerCase());
  if (byId) return byId;
  const links = await store.find<{ memberId: string }>('identityLinks', { memberId: member.id });
  const ids = new Set(links.map((l) => l.id));
  return personal.find((c) => c.value.aadObjectId !== undefined && ids.has(c.value.aadObjectId.toLowerCase()));
}
