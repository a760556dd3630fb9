import type { Organisation } from '../domain/organisation';
import { memberById } from '../domain/organisation';
import type { RecordStore } from '../ports/record-store';
import type { ConversationRecord } from './remember-conversation';

/**
 * The personal chat the bot can write to a member in, if they have opened one: matched by
 * the object id in the organisation file, or for guests by the id an identity link holds.
 */
export async function personalChatOf(store: RecordStore, org: Organisation, memberId: string): Promise<string | undefined> {
  const member = memberById(org, memberId);
  if (!member) return undefined;
  const ids = new Set((await store.find<{ memberId: string }>('identityLinks', { memberId })).map((l) => l.id.toLowerCase()));
  if (member.aadObjectId) ids.add(member.aadObjectId.toLowerCase());
  const chats = await store.find<ConversationRecord>('conversations', { kind: 'personal', installed: true });
  return chats.find((c) => c.value.aadObjectId !== undefined && ids.has(c.value.aadObjectId.toLowerCase()))?.id;
}
