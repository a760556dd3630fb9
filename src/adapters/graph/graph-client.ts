import type { TokenCredential } from '@azure/identity';
import { Client, HTTPMessageHandler, ResponseType } from '@microsoft/microsoft-graph-client';
import { graphScope } from './graph-credential';
import { sharedToken } from './token-cache';
import { BearerTokenHandler, ThrottleRetryHandler, UserAgentHandler } from './graph-middleware';
import type { ThrottlePolicy } from './throttling';
import { defaultThrottlePolicy } from './throttling';

/** One request, its path relative to the versioned base URL: `/sites/{id}/lists`. */
export interface GraphCall {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** A reply as data: adapters turn statuses into their port's errors themselves. */
export interface GraphReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface GraphClientOptions {
  /** `https://graph.microsoft.com/v1.0`, a national cloud's, or a fake's. */
  readonly baseUrl: string;
  /** Absent only against a fake that wants no token. */
  readonly credential?: TokenCredential;
  readonly version: string;
  readonly throttle?: Partial<ThrottlePolicy>;
}

/** `ISV|Samrad|Samrad/<version>`: the decoration SharePoint's throttling guidance asks for. */
export const samradUserAgent = (version: string): string => `ISV|Samrad|Samrad/${version}`;

/** The SDK client over our own chain: User-Agent → throttling retry → token → fetch. */
export function createGraphClient(options: GraphClientOptions): Client {
  const token = options.credential
    ? sharedToken(options.credential, graphScope(options.baseUrl))
    : async () => undefined;
  const chain = [
    new UserAgentHandler(samradUserAgent(options.version)),
    new ThrottleRetryHandler({ ...defaultThrottlePolicy, ...options.throttle }),
    new BearerTokenHandler(token),
    new HTTPMessageHandler(),
  ];
  const root = new URL(options.baseUrl);
  const version = root.pathname.replace(/^\/+|\/+$/g, '');
  return Client.initWithMiddleware({
    middleware: chain,
    baseUrl: root.origin + '/',
    defaultVersion: version,
    customHosts: new Set([root.hostname]),
  });
}

/** Sends one call through the client and returns the reply whatever its status. */
export class GraphHttp {
  constructor(
    readonly client: Client,
    readonly baseUrl: string,
  ) {}

  async send(call: GraphCall): Promise<GraphReply> {
    let request = this.client.api(this.relative(call.url)).responseType(ResponseType.RAW);
    if (call.headers) request = request.headers({ ...call.headers });
    // The SDK types its replies `any`; with ResponseType.RAW it hands back fetch's own Response.
    const response: unknown =
      call.method === 'GET'
        ? await request.get()
        : call.method === 'POST'
          ? await request.post(call.body ?? {})
          : call.method === 'PATCH'
            ? await request.patch(call.body ?? {})
            : call.method === 'PUT'
              ? await request.put(call.body)
              : await request.delete();
    if (!(response instanceof Response)) throw new Error(`graph: ${call.method} ${call.url} gave no raw response`);
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: text && type.includes('json') ? (JSON.parse(text) as unknown) : text || undefined,
    };
  }

  /** `@odata.nextLink` is absolute; the SDK wants a path under the base URL. */
  relative(url: string): string {
    const base = this.baseUrl.replace(/\/+$/, '');
    return url.startsWith(base) ? url.slice(base.length) : url;
  }
}
