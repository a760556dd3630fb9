import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { CardActionOutcome } from '../../app/card-action';
import type { Reply } from '../../app/reply';
import type { CardRenderer } from '../../presentation/card-renderer';
import type { Logger } from '../../log';
import { toActivities } from './reply-activities';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/** Carries out an action's outcome in this turn, and builds the invoke response. */
export async function carryOut(
  context: TurnContext,
  outcome: CardActionOutcome,
  cards: CardRenderer,
  _log: Logger,
): Promise<AdaptiveCardInvokeResponse> {
  if (outcome.post) {
    const [activity] = toActivities([outcome.post.reply], cards);
    const sent = await context.sendActivity(activity!);
    if (sent?.id) await outcome.post.posted(sent.id);
  }
  return invokeResponse(outcome.respond, cards);
}

export function invokeResponse(reply: Reply, cards: CardRenderer): AdaptiveCardInvokeResponse {
  if (reply.kind === 'text')
    return { statusCode: 200, type: MESSAGE, value: reply.text as unknown as Record<string, unknown> };
  // The card itself, as CardFactory.adaptiveCard would wrap it (its `content` is typed any).
  return { statusCode: 200, type: CARD, value: cards.render(reply.card, reply.data) };
}
