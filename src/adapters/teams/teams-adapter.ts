import { INVOKE_RESPONSE_KEY } from 'botbuilder';
import type { Config } from '../../config';
import type { Catalogue } from '../../i18n/catalogue';
import type { Logger } from '../../log';
import type { SamradAdapter } from './bot-authentication';
import { createCloudAdapter } from './bot-authentication';
import type { SigningKeyOptions } from '../signing-keys/signing-keys';
import { tenantGuard } from '../teams-shared/tenant-guard';
import { turnErrorHandler } from '../teams-shared/turn-errors';

/**
 * The Bot Framework adapter, ready to serve: authentication from the config, the apology for a
 * turn that failed, and (with a tenant) the guard that serves only it. Everything the SDK is
 * told happens here, so the composition root never calls the SDK itself.
 */
export function teamsAdapter(
  config: Config,
  signingKeys: SigningKeyOptions | undefined,
  catalogue: Catalogue,
  log: Logger,
): SamradAdapter {
  const adapter = createCloudAdapter(config, signingKeys);
  adapter.onTurnError = turnErrorHandler(catalogue, log, config.defaultLocale, INVOKE_RESPONSE_KEY);
  if (config.bot) adapter.use(tenantGuard(config.bot.tenantId, log, INVOKE_RESPONSE_KEY));
  return adapter;
}
