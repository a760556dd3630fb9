import type { TokenCredential } from '@azure/identity';
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';

/** How the app signs in to Entra ID; chosen in configuration, secrets from the environment. */
export type GraphCredentialSettings =
  | { readonly kind: 'secret'; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string }
  | {
      readonly kind: 'certificate';
      readonly tenantId: string;
      readonly clientId: string;
      readonly certificatePath: string;
    }
  /** A user-assigned identity when `clientId` is given, else the system-assigned one. */
  | { readonly kind: 'managedIdentity'; readonly clientId?: string };

export function graphCredential(settings: GraphCredentialSettings, authorityHost?: string): TokenCredential {
  const options = authorityHost ? { authorityHost } : {};
  switch (settings.kind) {
    case 'secret':
      return new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret, options);
    case 'certificate':
      return new ClientCertificateCredential(settings.tenantId, settings.clientId, settings.certificatePath, options);
    case 'managedIdentity':
      return settings.clientId
        ? new ManagedIdentityCredential({ clientId: settings.clientId })
        : new ManagedIdentityCredential();
  }
}

/** Where an app signs in, by the Graph host of its cloud; the global cloud otherwise. */
export function authorityFor(baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  if (host.endsWith('.microsoft.us')) return 'https://login.microsoftonline.us';
  if (host.endsWith('.chinacloudapi.cn')) return 'https://login.chinacloudapi.cn';
  return 'https://login.microsoftonline.com';
}

/** The `.default` scope of the Graph host the base URL points at (national clouds differ). */
export const graphScope = (baseUrl: string): string => `${new URL(baseUrl).origin}/.default`;
