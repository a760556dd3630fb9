import type { ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import { describeMessage, recordDeliveryFailure } from '../../app/delivery/delivery-failures';
import type { ConversationRecord } from '../../app/remember-conversation';
import type { Reply } from '../../app/reply';
import type { Messenger } from '../../ports/messenger';
import type { Delivery, MessageSender, SendResult } from '../../app/scheduling/outbox';
import type { Clock } from '../../ports/clock';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import type { CardRenderer } from '../../presentation/card-renderer';
import type { Pacer, Paced, Refused, RunOptions } from './pacer';
import { refusalText } from './pacer';
import { asActivity, toActivities } from './reply-activities';
import { asConnectorError, asReference, botIdentity } from './proactive-identity';

const isReply = (m: unknown): m is Reply =>
  typeof m === 'object' && m !== null && ((m as Reply).kind === 'text' || (m as Reply).kind === 'card');

/** Stop waiting on Teams' limits this long before the job's lease runs out, so no other runner sends it too. */
const LEASE_MARGIN_MS = 15_000;

/**
 * adapters/teams/teams-messenger.ts on the Agents SDK. Proactive writes through the conversation references stored when people spoke to the bot.
 * Every one goes through the one `ProactiveSender` of the process (Teams' rate limits,
 * Retry-After, retries); a refusal for good (403, 404, 413) is recorded as a delivery failure
 * the coordinator can list. An outbox send held back by its conversation's window is deferred
 * (the job comes back later) rather than waiting in one of the job runner's slots.
 */
export class AgentsMessenger implements Messenger, MessageSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: RecordStore,
    private readonly cards: CardRenderer,
    private readonly sender: Pacer,
    private readonly clock: Clock,
  ) {}

  /**
   * A refusal for good here is recorded, not thrown: retrying the job that asked cannot fix it.
   * It waits for its turn in place: callers include turns, which cannot come back later.
   */
  async update(conversationId: string, activityId: string, reply: Reply): Promise<void> {
    const conversation = await this.store.get<ConversationRecord>('conversations', conversationId);
    if (!conversation) throw new Error(`No stored reference for conversation ${conversationId}`);
    const [activity] = toActivities([reply], this.cards);
    const result = await this.paced(conversation, (context) =>
      context.updateActivity(asActivity({ ...activity, id: activityId })),
    );
    if ('refused' in result)
      await this.recordFailure(`update:${conversationId}:${activityId}`, conversation, reply, 'update', result.refused);
  }

  /** The outbox's sender: records the activity id the moment Teams accepts the message. */
  async send(delivery: Delivery): Promise<SendResult> {
    if (!isReply(delivery.message)) return { undeliverable: 'not a message the bot can render' };
    const conversation = await this.store.get<ConversationRecord>('conversations', delivery.conversationId);
    if (!conversation?.value.installed) return { undeliverable: 'the bot is not installed in that conversation' };
    const [activity] = toActivities([delivery.message], this.cards);
    // The lease is in the app's time; the sender waits in real time: pass what is left of it.
    const waitAtMostMs = delivery.leaseUntil
      ? Date.parse(delivery.leaseUntil) - this.clock.now().getTime() - LEASE_MARGIN_MS
      : undefined;
    const options: RunOptions = {
      deferKey: delivery.idempotencyKey,
      ...(waitAtMostMs !== undefined && { waitAtMostMs }),
    };
    const result = await this.paced(
      conversation,
      (context) => {
        // The SDK sends inside a continued conversation as a reply to the continuation event's
        // made-up id; a proactive message is a new post (in a channel: a thread of its own).
        context.activity.id = undefined;
        return context.sendActivity(activity!);
      },
      options,
    );
    if ('refused' in result) {
      // Blocked, removed, gone or too large: retrying will not help; the coordinator sees it.
      await this.recordFailure(delivery.idempotencyKey, conversation, delivery.message, 'send', result.refused);
      return { undeliverable: refusalText(result.refused) };
    }
    const activityId = result.sent?.id ?? '';
    if (activityId) await delivery.recordSent(activityId);
    return { activityId };
  }

  /**
   * One request to Teams in the conversation, paced by the shared sender. The pacing happens
   * inside the callback, right before the HTTP call, so that the moment we count is close to
   * the moment Teams counts. The adapter hands a failure inside the callback to its
   * onTurnError and resolves, so the outcome is carried out of the callback and thrown here.
   */
  private async paced<T>(
    conversation: StoredRecord<ConversationRecord>,
    request: (context: TurnContext) => Promise<T>,
    options?: RunOptions,
  ) {
    type Outcome = { readonly result: Paced<T> } | { readonly error: unknown };
    let outcome: Outcome = { error: new Error('the adapter did not run the callback') };
    await this.adapter.continueConversation(
      botIdentity(this.appId),
      asReference(conversation.value.reference),
      async (context) => {
        try {
          // The Agents SDK's connector client does not retry (plain fetch): nothing to take out.
          const attempt = async () => {
            try {
              return await request(context);
            } catch (error) {
              throw asConnectorError(error); // what was thrown, with the connector's code where the pacer reads it
            }
          };
          outcome = { result: await this.sender.run(this.target(conversation), attempt, options) };
        } catch (error) {
          outcome = { error };
        }
      },
    );
    const settled = outcome as Outcome; // assigned in the callback, which TypeScript does not follow
    if ('error' in settled) throw settled.error;
    return settled.result;
  }

  private target(conversation: StoredRecord<ConversationRecord>) {
    const reference = conversation.value.reference as Partial<ConversationReference> | undefined;
    const tenantId = conversation.value.tenantId ?? reference?.conversation?.tenantId;
    return { conversationId: conversation.id, ...(tenantId && { tenantId }) };
  }

  private async recordFailure(
    id: string,
    conversation: StoredRecord<ConversationRecord>,
    message: unknown,
    operation: 'send' | 'update',
    refused: Refused,
  ) {
    const { kind, aadObjectId } = conversation.value;
    await recordDeliveryFailure(this.store, id, {
      conversationId: conversation.id,
      conversationKind: kind,
      ...(aadObjectId && { aadObjectId }),
      message: describeMessage(message),
      operation,
      kind: refused.kind,
      reason: refusalText(refused),
      at: this.clock.now().toISOString(),
    });
  }
}
