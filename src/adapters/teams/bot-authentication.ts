import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError } from 'botframework-connector';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import type { Config } from '../../config';
import { SigningKeys, type SigningKeyOptions } from '../signing-keys/signing-keys';
import { impossibleToken } from '../teams-shared/token-shape';

/** jsonwebtoken's errors for a token that is badly signed, malformed or not yet valid. */
const tokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * Production: every request must carry a Bot Framework token for our app id, checked by
 * the SDK in its default (public cloud) configuration. Two things are added in front of it:
 * a token that cannot be valid is refused before any key is fetched, and a bad signature
 * (which the SDK lets escape as jsonwebtoken's own error) is a 401, not a 500.
 */
class StrictBotAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const impossible = impossibleToken(authHeader);
    if (impossible) throw new AuthenticationError(`token refused: ${impossible}`, 401);
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && tokenErrors.has(error.name)) throw new AuthenticationError(error.message, 401);
      throw error;
    }
  }
}

/** The SDK's adapter with its turn entry point open to our own HTTP edge (message-endpoint.ts). */
export class SamradAdapter extends CloudAdapter {
  handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * The SDK looks up signing keys through one process-wide cache keyed by the metadata
 * address. Putting our SigningKeys there, under the SDK's own default addresses, gives it a
 * bounded, failure-remembering fetch without leaving the default configuration.
 */
export function installSigningKeys(options: SigningKeyOptions = {}): void {
  const cache = (JwtTokenExtractor as unknown as { openIdMetadataCache?: unknown }).openIdMetadataCache;
  if (!(cache instanceof Map))
    throw new Error('botframework-connector no longer has JwtTokenExtractor.openIdMetadataCache; see signing-keys.ts');
  for (const url of [
    AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  ]) {
    cache.set(url, new SigningKeys(url, options));
  }
}

/**
 * Local mode has no app id, so the SDK accepts the Agents Playground's unsigned requests;
 * the server then listens on loopback only (see config).
 */
export function createCloudAdapter(config: Config, signingKeys: SigningKeyOptions = {}): SamradAdapter {
  if (!config.bot) return new SamradAdapter(new ConfigurationBotFrameworkAuthentication({}));
  installSigningKeys(signingKeys);
  const settings = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
    ...(config.bot.password && { MicrosoftAppPassword: config.bot.password }),
  };
  // Without a credentials factory of its own, the SDK makes its ConfigurationServiceClientCredentialFactory from these settings.
  return new SamradAdapter(new StrictBotAuthentication(settings));
}
