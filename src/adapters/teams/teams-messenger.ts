import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationRecord } from '../../app/remember-conversation';
import type { Reply } from '../../app/reply';
import type { Messenger } from '../../ports/messenger';
import type { RecordStore } from '../../ports/record-store';
import type { CardRenderer } from '../../presentation/card-renderer';
import { toActivities } from './reply-activities';

/** Proactive writes through the conversation references stored when people spoke to the bot. */
export class TeamsMessenger implements Messenger {
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
}
