import type { ConnectorClient } from 'botframework-connector';

interface PipelineHolder {
  readonly client?: { readonly pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
}

/**
 * The Bot Framework SDK's HTTP pipeline (Azure core) retries 429 and 5xx itself, three times
 * and unpaced. For proactive requests that would bypass Teams' rate limits we keep, and hide
 * the status from `ProactiveSender`, which does the retrying. The SDK offers no option for it
 * (its compat client does not pass `retryOptions` on), so the policy is taken out of this
 * turn's connector client. The integration test counting requests per 502 guards this.
 * Returns false when the client no longer has that shape (an SDK upgrade).
 */
export function withoutSdkRetries(connector: ConnectorClient | undefined): boolean {
  const pipeline = (connector as unknown as PipelineHolder | undefined)?.client?.pipeline;
  if (!pipeline) return false;
  pipeline.removePolicy({ phase: 'Retry' });
  return true;
}
