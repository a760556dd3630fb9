import { Activity } from '@microsoft/agents-activity';
import { CardFactory, MessageFactory } from '@microsoft/agents-hosting';
import type { Reply } from '../../app/reply';
import type { CardRenderer } from '../../presentation/card-renderer';
import { plainMessage } from '../../presentation/card-text';

/** Replies become Teams messages: text as plain text, cards as Adaptive Cards (as adapters/teams). */
export function toActivities(replies: readonly Reply[], cards: CardRenderer): Activity[] {
  return replies.map((reply) => {
    if (reply.kind === 'card')
      return MessageFactory.attachment(CardFactory.adaptiveCard(cards.render(reply.card, reply.data)));
    const activity = MessageFactory.text(plainMessage(reply.text));
    activity.textFormat = 'plain';
    return activity;
  });
}

/** A plain activity object (tests, an update) as the SDK's Activity class. */
export const asActivity = (value: object): Activity => Activity.fromObject(value);
