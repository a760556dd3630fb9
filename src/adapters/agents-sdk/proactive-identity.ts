import type { ConversationReference } from '@microsoft/agents-activity';
import { CloudAdapter } from '@microsoft/agents-hosting';

type Identity = Exclude<Parameters<CloudAdapter['continueConversation']>[0], string>;

/**
 * Who the bot is when it continues a conversation. The SDK refuses an empty app id; local mode
 * has none, and an identity without an audience makes it use an anonymous connector client (as
 * the Bot Framework SDK does for the Agents Playground).
 */
export const botIdentity = (appId: string): Identity => (appId ? CloudAdapter.createIdentity(appId) : {});

/**
 * The SDK's HttpError carries Teams' answer as `response.data`; the shared sender reads Teams'
 * error code as the Bot Framework SDK's RestError has it (`code`). The status (`response.status`)
 * and Retry-After (`response.headers.get`) it already reads as they are.
 */
export function asConnectorError(error: unknown): unknown {
  const e = error as { code?: unknown; response?: { data?: { error?: { code?: unknown } } } } | undefined;
  const code = e?.response?.data?.error?.code;
  if (e && typeof e === 'object' && typeof code === 'string' && code !== '') Object.assign(e, { code });
  return error;
}

/**
 * A stored conversation reference as the Agents SDK wants it: the Bot Framework SDK names the
 * bot `bot`, the Agents SDK `agent`. References are stored with both, so either SDK can use them.
 */
export function asReference(stored: unknown): ConversationReference {
  const ref = stored as ConversationReference & { bot?: ConversationReference['agent'] };
  return { ...ref, agent: ref.agent ?? ref.bot };
}
