import { join } from 'node:path';
import type { Config } from '../../config';
import { packageRoot } from '../../package-root';
import type { Clock } from '../../ports/clock';
import type { SigningKeyOptions } from '../signing-keys/signing-keys';
import { entraTrust } from './entra-trust';
import { LocalTabHost, localPeople } from './local-tab-host';
import { LocalTokenIssuer } from './local-tab-token';
import { checkTabToken, type TokenCheck, type TokenTrust } from './tab-token';

/** The playground's tenant (config/playground/*.yml): local tokens name it, as Teams would. */
export const LOCAL_TENANT_ID = '8a1f7c3e-5b2d-4e6f-9a0b-1c2d3e4f5a6b';

/**
 * Whom the tab trusts: Entra ID for the configured tenant in production; in local mode a key
 * made by this process, whose tokens only the local host page hands out.
 */
export function tabIdentity(
  config: Config,
  signingKeys: SigningKeyOptions | undefined,
  clock: Clock,
): { authenticate: (authorization: string | undefined) => Promise<TokenCheck>; localHost?: LocalTabHost } {
  const production = entraTrust(config, signingKeys);
  if (production) return { authenticate: check(production, clock) };
  const issuer = new LocalTokenIssuer(LOCAL_TENANT_ID);
  return {
    authenticate: check(issuer.trust(), clock),
    localHost: new LocalTabHost(issuer, localPeople(join(packageRoot, 'config', 'playground')), clock),
  };
}

const check = (trust: TokenTrust, clock: Clock) => (authorization: string | undefined) =>
  checkTabToken(authorization, trust, clock.now());
