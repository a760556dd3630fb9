import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../config';
import type { Catalogue } from '../../i18n/catalogue';
import type { Logger } from '../../log';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { CardRenderer } from '../../presentation/card-renderer';
import { SigningKeys, type SigningKeyOptions } from '../signing-keys/signing-keys';
import { CHANNEL_OPENID_METADATA } from '../teams-shared/channel-token';
import { agentsAdapter } from './agents-adapter';
import type { BotDeps } from './agents-bot';
import { SamradAgentsBot } from './agents-bot';
import { AgentsMessenger } from './agents-messenger';
import { messageEndpoint } from './message-endpoint';
import type { Pacer } from './pacer';

/**
 * Samråd's Teams side on the Microsoft 365 Agents SDK, in the shape of
 * adapters/teams/bot-framework-teams.ts: the proactive messenger, and the `/api/messages` endpoint
 * once the bot's application services exist. The composition root picks one (`SAMRAD_TEAMS_SDK`).
 */
export function agentsTeams(
  config: Config,
  signingKeys: SigningKeyOptions | undefined,
  catalogue: Catalogue,
  log: Logger,
  parts: { store: RecordStore; cards: CardRenderer; proactive: Pacer; clock: Clock },
) {
  const adapter = agentsAdapter(config, catalogue, log);
  const appId = config.bot?.appId ?? '';
  // Production: the Bot Connector's keys through Samråd's bounded cache. Local mode has no app id and no check.
  const trust = config.bot && {
    appId,
    tenantId: config.bot.tenantId,
    keys: new SigningKeys(CHANNEL_OPENID_METADATA, signingKeys),
  };
  return {
    messenger: new AgentsMessenger(adapter, appId, parts.store, parts.cards, parts.proactive, parts.clock),
    endpoint(deps: Omit<BotDeps, 'adapter' | 'appId'>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
      return messageEndpoint(adapter, new SamradAgentsBot({ ...deps, adapter, appId }), trust, log);
    },
  };
}
