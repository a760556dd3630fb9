import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationRecord } from '../../app/remember-conversation';
import type { Reply } from '../../app/reply';
import type { Messenger } from '../../ports/messenger';
import type { Delivery, MessageSender, SendResult } from '../../app/scheduling/outbox';
import type { RecordStore } from '../../ports/record-store';
import type { CardRenderer } from '../../presentation/card-renderer';
import { toActivities } from './reply-activities';

const isReply = (m: unknown): m is Reply =>
  typeof m === 'object' && m !== null && ((m as Reply).kind === 'text' || (m as Reply).kind === 'card');

/** Proactive writes through the conversation references stored when people spoke to the bot. */
export class TeamsMessenger implements Messenger, MessageSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: RecordStore,
    private readonly cards: CardRenderer,
  ) {}

  async update(conversationId: string, activityId: string, reply: Reply): Promise<void> {
    const conversation = await this.store.get<ConversationRecord>('conversations', conversationId);
    if (!conversation) throw new Error(`No stored reference for conversation ${conversationId}`);
    const [activity] = toActivities([reply], this.cards);
    await this.adapter.continueConversationAsync(this.appId, conversation.value.reference as Partial<ConversationReference>, async (context) => {
      await context.updateActivity({ ...activity, id: activityId });
    });
  }

  /** The outbox's sender: records the activity id the moment Teams accepts the message. */
  async send(delivery: Delivery): Promise<SendResult> {
    if (!isReply(delivery.message)) return { undeliverable: 'not a message the bot can render' };
    const conversation = await this.store.get<ConversationRecord>('conversations', delivery.conversationId);
    if (!conversation?.value.installed) return { undeliverable: 'the bot is not installed in that conversation' };
    const [activity] = toActivities([delivery.message], this.cards);
    let activityId = '';
    try {
      await this.adapter.continueConversationAsync(this.appId, conversation.value.reference as Partial<ConversationReference>, async (context) => {
        const sent = await context.sendActivity(activity!);
        activityId = sent?.id ?? '';
        if (activityId) await delivery.recordSent(activityId);
      });
    } catch (error) {
      // 403: the user blocked or removed the bot. Retrying will not help; the coordinator sees it.
      if ((error as { statusCode?: number }).statusCode === 403) return { undeliverable: 'blocked or uninstalled (403)' };
      throw error;
    }
    return { activityId };
  }
}
