import type { RecordStore } from '../ports/record-store';
import { upsert } from '../ports/record-store';
import type { ConversationKind } from './commands/command';

/**
 * A place the bot can write to later without being asked: a personal chat, a group
 * chat or a channel. The reference is the Teams adapter's own and opaque here.
 */
export interface ConversationRecord {
  readonly kind: ConversationKind;
  readonly tenantId?: string;
  readonly teamId?: string;
  /** For personal chats: whose chat it is. */
  readonly aadObjectId?: string;
  readonly installed: boolean;
  readonly reference: unknown;
  readonly updated: string;
}

/** Stores or refreshes a conversation; true when it was unknown or uninstalled before (time to greet). */
export async function rememberConversation(
  store: RecordStore,
  id: string,
  record: ConversationRecord,
): Promise<boolean> {
  let newlyInstalled = false;
  await upsert<ConversationRecord>(store, 'conversations', id, (current) => {
    newlyInstalled = record.installed && !current?.installed;
    // The reference changes rarely; don't write on every message.
    if (
      current?.installed === record.installed &&
      JSON.stringify(current.reference) === JSON.stringify(record.reference)
    )
      return undefined;
    return record;
  });
  return newlyInstalled;
}

export async function forgetInstallation(store: RecordStore, id: string, now: Date): Promise<void> {
  await upsert<ConversationRecord>(store, 'conversations', id, (current) =>
    current ? { ...current, installed: false, updated: now.toISOString() } : undefined,
  );
}

/**
 * A channel conversation id names the thread a message was written in
 * (`19:…@thread.tacv2;messageid=…`); without the `;messageid=` part it is the channel itself,
 * and a message sent to it is a new post in the channel rather than a reply in that thread.
 */
export const channelRoot = (conversationId: string): string => conversationId.split(';messageid=')[0]!;
