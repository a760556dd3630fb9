import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { CardActionOutcome } from '../../app/card-action';
import type { Reply } from '../../app/reply';
import type { CardRenderer } from '../../presentation/card-renderer';
import type { Logger } from '../../log';
import { toActivities } from './reply-activities';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/**
 * Updates of the card everyone sees are rate-limited by Teams (7 per second per
 * conversation). A card is refreshed at most every two seconds while a vote runs; the
 * final one (the result) always goes out. People see their own state at once anyway.
 */
const lastShared = new Map<string, number>();
const SHARED_INTERVAL_MS = 2000;

/** Carries out an action's outcome in this turn, and builds the invoke response. */
export async function carryOut(
  context: TurnContext,
  outcome: CardActionOutcome,
  cards: CardRenderer,
  log: Logger,
): Promise<AdaptiveCardInvokeResponse> {
  if (outcome.post) {
    const [activity] = toActivities([outcome.post.reply], cards);
    const sent = await context.sendActivity(activity!);
    if (sent?.id) await outcome.post.posted(sent.id);
  }
  const shared = outcome.updateShared;
  if (shared) {
    const last = lastShared.get(shared.activityId) ?? 0;
    if (shared.final || Date.now() - last >= SHARED_INTERVAL_MS) {
      lastShared.set(shared.activityId, Date.now());
      const [activity] = toActivities([shared.reply], cards);
      // The action itself is done and stored; a card that cannot be refreshed must not undo
      // that for the person who pressed. Everyone's own view refreshes on its own.
      await context.updateActivity({ ...activity, id: shared.activityId }).catch((error: Error) => {
        log.warn('card.update-failed', { activityId: shared.activityId, error: error.message });
      });
    }
  }
  return invokeResponse(outcome.respond, cards);
}

export function invokeResponse(reply: Reply, cards: CardRenderer): AdaptiveCardInvokeResponse {
  if (reply.kind === 'text') return { statusCode: 200, type: MESSAGE, value: reply.text as unknown as Record<string, unknown> };
  return { statusCode: 200, type: CARD, value: CardFactory.adaptiveCard(cards.render(reply.card, reply.data)).content };
}
