import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { ThrottlePolicy } from './throttling';
import { RetryBudget, isRetryableStatus } from './throttling';

/** A middleware that hands on to the next one in the chain. */
abstract class Link implements Middleware {
  private next: Middleware | undefined;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected pass(context: Context): Promise<void> {
    if (!this.next) throw new Error('graph middleware: no next handler');
    return this.next.execute(context);
  }
  abstract execute(context: Context): Promise<void>;
}

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = new Headers(options.headers);
  headers.set(name, value);
  options.headers = Object.fromEntries(headers.entries());
}

/**
 * SharePoint throttles undecorated traffic first: its guidance asks for
 * `ISV|Company|App/Version` in the User-Agent.
 */
export class UserAgentHandler extends Link {
  constructor(private readonly userAgent: string) {
    super();
  }
  execute(context: Context): Promise<void> {
    setHeader(context, 'User-Agent', this.userAgent);
    return this.pass(context);
  }
}

/** Adds the bearer token; the credential caches and refreshes it. */
export class BearerTokenHandler extends Link {
  constructor(private readonly token: () => Promise<string | undefined>) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const token = await this.token();
    if (token) setHeader(context, 'Authorization', `Bearer ${token}`);
    return this.pass(context);
  }
}

/**
 * The address a request goes to. The SDK types it as the DOM's `RequestInfo`, which Node's types
 * do not declare, so it is checked here rather than trusted.
 */
function requestUrl(request: unknown): string {
  if (typeof request === 'string') return request;
  if (request instanceof URL) return request.href;
  if (request instanceof Request) return request.url;
  throw new Error('graph middleware: a request that is neither an address nor a Request');
}

/**
 * Retries 429, 503 and 504 after the Retry-After the service asks for, up to the policy's cap
 * on attempts and total waiting; then throws `GraphThrottledError`. The body was serialised
 * before the chain, so a retry sends the same bytes.
 */
export class ThrottleRetryHandler extends Link {
  constructor(private readonly policy: ThrottlePolicy) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const budget = new RetryBudget(this.policy);
    for (;;) {
      await this.pass(context);
      const response = context.response;
      if (!response || !isRetryableStatus(response.status)) return;
      await response.arrayBuffer().catch(() => undefined); // free the connection
      const url = requestUrl(context.request);
      const method = context.options?.method ?? 'GET';
      await budget.waitOrGiveUp(
        `${method} ${new URL(url).pathname}`,
        response.status,
        response.headers.get('retry-after'),
      );
    }
  }
}
