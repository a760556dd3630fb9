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
 * Conversation references are stored in one shape, the Bot Framework SDK's (the default SDK, and
 * what every stored record already has): the bot is `bot`. The Agents SDK names it `agent`; this
 * adapter renames it on the way in and out, so either SDK reads what the other wrote.
 */
type Stored = Omit<ConversationReference, 'agent'> & { bot?: ConversationReference['agent'] };

/** The reference of a turn as it is stored: `agent` written as `bot`, never the activity id. */
export function storedReference(own: ConversationReference): Stored {
  const { agent, activityId: _activityId, ...rest } = own;
  return { ...rest, ...(agent && { bot: agent }) };
}

/** A stored reference as the Agents SDK wants it (`bot` read as `agent`; one written with `agent` still reads). */
export function asReference(stored: unknown): ConversationReference {
  const { bot, ...rest } = stored as Stored & { agent?: ConversationReference['agent'] };
  return { ...rest, agent: rest.agent ?? bot };
}
