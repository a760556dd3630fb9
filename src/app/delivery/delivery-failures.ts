import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import type { Reply } from '../reply';

export const DELIVERY_FAILURES = 'deliveryFailures';

/**
 * Why Teams refused a message for good, as the coordinator reads it: the person blocked the
 * bot (403 `ConversationBlockedByUser`), the bot is no longer in the conversation (403
 * `BotNotInConversationRoster`), the tenant's admin disabled the app (403 `BotDisabledByAdmin`),
 * another 403, the conversation is gone (404 `ConversationNotFound`), the message too large
 * (413 `MessageSizeTooBig`).
 */
export const DELIVERY_FAILURE_KINDS = [
  'blocked-by-user',
  'bot-removed',
  'disabled-by-admin',
  'forbidden',
  'not-found',
  'too-large',
] as const;
export type DeliveryFailureKind = (typeof DELIVERY_FAILURE_KINDS)[number];

/**
 * A message Teams refused for good (see `DeliveryFailureKind`). Kept so the coordinator can
 * see who did not get what (`leveringsfeil`), since the person was never told.
 */
export interface DeliveryFailure {
  readonly conversationId: string;
  readonly conversationKind?: string;
  /** For a personal chat: whose chat it is, to name the person when the list is shown. */
  readonly aadObjectId?: string;
  /** What was not delivered: the card's template name or the start of the text. */
  readonly message: string;
  /** `send` (a new message) or `update` (a card updated in place). */
  readonly operation: 'send' | 'update';
  /** Absent on records written before kinds were kept: shown as a plain refusal. */
  readonly kind?: DeliveryFailureKind;
  /** Teams' answer, for the log and support (e.g. `ConversationBlockedByUser (403)`); never shown. */
  readonly reason: string;
  /** UTC ISO. */
  readonly at: string;
}

const MESSAGE_CHARS = 120;

/** A short description of a reply: enough for the coordinator to know which message it was. */
export function describeMessage(message: unknown): string {
  const reply = message as Partial<Reply> | undefined;
  if (reply?.kind === 'card' && typeof reply.card === 'string') return reply.card;
  if (reply?.kind === 'text' && typeof reply.text === 'string') {
    const line = reply.text.replace(/\s+/g, ' ').trim();
    return line.length > MESSAGE_CHARS ? `${line.slice(0, MESSAGE_CHARS - 1)}…` : line;
  }
  return '?';
}

/**
 * Records a failure once per id (the outbox job id, or the updated activity): a job that is
 * run again after a crash, or the same card refused twice, leaves one record. True when new.
 */
export async function recordDeliveryFailure(
  store: RecordStore,
  id: string,
  failure: DeliveryFailure,
): Promise<boolean> {
  try {
    await store.create(DELIVERY_FAILURES, id, failure);
    return true;
  } catch (e) {
    if (isStoreError(e, 'STORE.ALREADY_EXISTS')) return false;
    throw e;
  }
}

/** The most recent failures first. */
export async function recentDeliveryFailures(
  store: RecordStore,
  count: number,
): Promise<(DeliveryFailure & { id: string })[]> {
  const all = await store.find<DeliveryFailure>(DELIVERY_FAILURES);
  return all
    .map((r) => ({ ...r.value, id: r.id }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id.localeCompare(b.id)))
    .slice(0, count);
}
