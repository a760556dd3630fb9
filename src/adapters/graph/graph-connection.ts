import type { TokenCredential } from '@azure/identity';
import type { GraphCredentialSettings } from './graph-credential';
import { authorityFor, graphCredential } from './graph-credential';
import { GraphHttp, createGraphClient } from './graph-client';
import type { ThrottlePolicy } from './throttling';
import { defaultThrottlePolicy } from './throttling';

export interface GraphConnectionSettings {
  readonly baseUrl: string;
  /** Absent only against a fake Graph that takes no token. */
  readonly credential?: GraphCredentialSettings;
  /** A credential made elsewhere (tests); wins over `credential`. */
  readonly tokenCredential?: TokenCredential;
  /** Samråd's version, for the User-Agent. */
  readonly version: string;
  readonly throttle?: Partial<ThrottlePolicy>;
}

/** One client, its request helper and the throttling policy the batch helper shares with it. */
export interface GraphConnection {
  readonly http: GraphHttp;
  readonly throttle: ThrottlePolicy;
}

export function connectGraph(settings: GraphConnectionSettings): GraphConnection {
  const throttle = { ...defaultThrottlePolicy, ...settings.throttle };
  const client = createGraphClient({
    baseUrl: settings.baseUrl,
    version: settings.version,
    throttle,
    ...(settings.tokenCredential
      ? { credential: settings.tokenCredential }
      : settings.credential && { credential: graphCredential(settings.credential, authorityFor(settings.baseUrl)) }),
  });
  return { http: new GraphHttp(client, settings.baseUrl), throttle };
}
