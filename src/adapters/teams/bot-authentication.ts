import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Config } from '../../config';

/**
 * Production: every request must carry a Bot Framework token for our app id, checked
 * by the SDK. Local: no app id, so the SDK accepts the Agents Playground's unsigned
 * requests; the server then listens on loopback only (see config).
 */
export function createCloudAdapter(config: Config): CloudAdapter {
  if (!config.bot) return new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const settings = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
    ...(config.bot.password && { MicrosoftAppPassword: config.bot.password }),
  };
  return new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings)),
  );
}
