// Which Teams SDK serves the bot (`SAMRAD_TEAMS_SDK`): the one place the composition root chooses.
import { agentsTeams } from './adapters/agents-sdk/agents-teams';
import type { MessagesEndpoint } from './adapters/teams/http-server';
import { botFrameworkTeams } from './adapters/teams/bot-framework-teams';
import type { MessageSender } from './app/scheduling/outbox';
import type { Messenger } from './ports/messenger';

type BotServices = Parameters<ReturnType<typeof botFrameworkTeams>['endpoint']>[0];

/** What the root needs of a Teams SDK: proactive messages, and `/api/messages` for the bot. */
export interface TeamsSide {
  readonly messenger: Messenger & MessageSender;
  endpoint(services: BotServices): MessagesEndpoint;
}

/** The Bot Framework SDK by default; the Microsoft 365 Agents SDK with `SAMRAD_TEAMS_SDK=agents` (docs/agents-sdk.md). */
export function teamsSide(...args: Parameters<typeof botFrameworkTeams>): TeamsSide {
  const [config, signingKeys, catalogue, log, parts] = args;
  return config.teamsSdk === 'agents'
    ? agentsTeams(config, signingKeys, catalogue, log, parts)
    : botFrameworkTeams(...args);
}
