import { CardFactory, MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { Reply } from '../../app/reply';
import type { CardRenderer } from '../../presentation/card-renderer';

/** Replies become Teams messages: text as markdown, cards as Adaptive Card attachments. */
export function toActivities(replies: readonly Reply[], cards: CardRenderer): Partial<Activity>[] {
  return replies.map((reply) =>
    reply.kind === 'text'
      ? MessageFactory.text(reply.text)
      : MessageFactory.attachment(CardFactory.adaptiveCard(cards.render(reply.card, reply.data))),
  );
}
