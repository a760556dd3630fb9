import type { Config } from '../../config';
import type { Catalogue } from '../../i18n/catalogue';
import type { Logger } from '../../log';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { CardRenderer } from '../../presentation/card-renderer';
import type { SigningKeyOptions } from '../signing-keys/signing-keys';
import type { MessagesEndpoint } from './http-server';
import { messageEndpoint } from './message-endpoint';
import type { ProactiveSender } from './proactive-sender';
import type { BotDeps } from './samrad-bot';
import { SamradBot } from './samrad-bot';
import { teamsAdapter } from './teams-adapter';
import { TeamsMessenger } from './teams-messenger';

/**
 * Samråd's Teams side on the Bot Framework SDK: the proactive messenger, and the
 * `/api/messages` endpoint once the bot's application services exist. adapters/agents-sdk has
 * the same on the Microsoft 365 Agents SDK; the composition root picks one (`SAMRAD_TEAMS_SDK`).
 */
export function botFrameworkTeams(
  config: Config,
  signingKeys: SigningKeyOptions | undefined,
  catalogue: Catalogue,
  log: Logger,
  parts: { store: RecordStore; cards: CardRenderer; proactive: ProactiveSender; clock: Clock },
) {
  const adapter = teamsAdapter(config, signingKeys, catalogue, log);
  const appId = config.bot?.appId ?? '';
  return {
    messenger: new TeamsMessenger(adapter, appId, parts.store, parts.cards, parts.proactive, parts.clock),
    endpoint(deps: Omit<BotDeps, 'adapter' | 'appId'>): MessagesEndpoint {
      return messageEndpoint(adapter, new SamradBot({ ...deps, adapter, appId }), log);
    },
  };
}
