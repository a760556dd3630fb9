import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../../config';

/** jsonwebtoken's errors for a token that is badly signed, malformed or not yet valid. */
const tokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * The SDK lets a bad signature escape as jsonwebtoken's own error, which the adapter
 * answers with 500. A bad token is the caller's fault: answer 401. Other failures
 * (the signing keys cannot be fetched) stay 5xx so the Bot Service retries.
 */
class StrictBotAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && tokenErrors.has(error.name)) throw new AuthenticationError(error.message, 401);
      throw error;
    }
  }
}

/**
 * Where the SDK fetches the keys that sign Bot Framework tokens. Only tests set these,
 * to a local issuer, so that signature checking itself is tested offline.
 */
export interface AuthenticationOverrides {
  readonly ToBotFromChannelOpenIdMetadataUrl?: string;
  readonly ToBotFromEmulatorOpenIdMetadataUrl?: string;
  /** Setting a metadata URL makes the SDK drop its default issuer; name it again. */
  readonly ToBotFromChannelTokenIssuer?: string;
}

/**
 * Production: every request must carry a Bot Framework token for our app id, checked
 * by the SDK. Local: no app id, so the SDK accepts the Agents Playground's unsigned
 * requests; the server then listens on loopback only (see config).
 */
export function createCloudAdapter(config: Config, overrides: AuthenticationOverrides = {}): CloudAdapter {
  if (!config.bot) return new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const settings = {
    ...overrides,
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
    ...(config.bot.password && { MicrosoftAppPassword: config.bot.password }),
  };
  return new CloudAdapter(new StrictBotAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings)));
}
