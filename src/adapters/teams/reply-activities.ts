import { CardFactory, MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { Reply } from '../../app/reply';
import type { CardRenderer } from '../../presentation/card-renderer';
import { plainMessage } from '../../presentation/card-text';

/**
 * Replies become Teams messages: text as plain text (it carries titles, names and reasons
 * people typed, which must not turn into links or fake emphasis), cards as Adaptive Cards.
 */
export function toActivities(replies: readonly Reply[], cards: CardRenderer): Partial<Activity>[] {
  return replies.map((reply) =>
    reply.kind === 'text'
      ? { ...MessageFactory.text(plainMessage(reply.text)), textFormat: 'plain' }
      : MessageFactory.attachment(CardFactory.adaptiveCard(cards.render(reply.card, reply.data))),
  );
}
