import { AuthType, CloudAdapter, INVOKE_RESPONSE_KEY } from '@microsoft/agents-hosting';
import type { AuthConfiguration } from '@microsoft/agents-hosting';
import type { Config } from '../../config';
import type { Catalogue } from '../../i18n/catalogue';
import type { Logger } from '../../log';
import { tenantGuard } from '../teams-shared/tenant-guard';
import { turnErrorHandler } from '../teams-shared/turn-errors';

/**
 * The Agents SDK's settings from Samråd's own (`MicrosoftAppId`, `MicrosoftAppPassword`,
 * `MicrosoftAppTenantId`), which the SDK no longer reads itself. Local mode has no app id: the
 * SDK then runs anonymous, as the Bot Framework SDK does for the Agents Playground.
 */
export function authConfigOf(config: Config): AuthConfiguration {
  if (!config.bot) return {};
  return {
    clientId: config.bot.appId,
    tenantId: config.bot.tenantId,
    // App Service's user-assigned managed identity: no secret (as MicrosoftAppType=UserAssignedMSI).
    authType: config.bot.appType === 'UserAssignedMSI' ? AuthType.UserManagedIdentity : AuthType.ClientSecret,
    ...(config.bot.password && { clientSecret: config.bot.password }),
  };
}

/** The Agents SDK's adapter with the same apology and tenant guard as adapters/teams/teams-adapter.ts. */
export function agentsAdapter(config: Config, catalogue: Catalogue, log: Logger): CloudAdapter {
  const adapter = new CloudAdapter(authConfigOf(config));
  adapter.onTurnError = turnErrorHandler(catalogue, log, config.defaultLocale, INVOKE_RESPONSE_KEY);
  if (config.bot) adapter.use(tenantGuard(config.bot.tenantId, log, INVOKE_RESPONSE_KEY));
  return adapter;
}
