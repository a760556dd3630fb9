import type { Config } from '../../config';
import { SigningKeys, type SigningKeyOptions } from '../signing-keys/signing-keys';
import type { TokenTrust } from './tab-token';

/**
 * Production: Teams' SSO token is an Entra ID v2 access token for the app's own API
 * (`api://<domain>/<bot app id>`, scope `access_as_user`), issued by the configured tenant.
 * Its keys come from the tenant's v2 OpenID metadata, cached like the Bot Framework's.
 */
export function entraTrust(config: Config, options: SigningKeyOptions = {}): TokenTrust | undefined {
  if (!config.bot) return undefined;
  const { tenantId, appId } = config.bot;
  const authority = `https://login.microsoftonline.com/${tenantId}/v2.0`;
  const host = config.publicUrl ? new URL(config.publicUrl).host : undefined;
  return {
    keys: new SigningKeys(`${authority}/.well-known/openid-configuration`, options),
    issuer: authority,
    // v2 tokens name the app id; the App ID URI is accepted as well (v1 tokens, some clients).
    audiences: [appId, ...(host ? [`api://${host}/${appId}`] : [])],
    tenantId,
    scope: 'access_as_user',
  };
}
