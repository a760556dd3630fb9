import type { TurnContext } from '@microsoft/agents-hosting';
import { TeamsInfo } from '@microsoft/agents-hosting-extensions-teams';
import type { AddressLookup, TeamsUser } from '../../app/identify-actor';
import type { ConversationKind } from '../../app/commands/command';

/** The parts of a Teams activity the application cares about, in its own terms (as adapters/teams). */
export function teamsUserOf(context: TurnContext): TeamsUser {
  const from = context.activity.from;
  return {
    userId: from?.id ?? '',
    ...(from?.aadObjectId && { aadObjectId: from.aadObjectId }),
    ...(from?.name && { name: from.name }),
  };
}

export function conversationKindOf(context: TurnContext): ConversationKind {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

/** The command text: the bot's @mention removed, and any other mention tags unwrapped. */
export function commandTextOf(context: TurnContext): string {
  // The SDK answers '' both for "only the mention" and for "no recipient named": the text as sent then.
  const withoutMention = context.activity.removeRecipientMention();
  const stripped = withoutMention !== '' ? withoutMention : (context.activity.text ?? '');
  return stripped
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Asks Teams for the user's UPN and e-mail: guests are recognised by them. */
export function addressLookup(context: TurnContext): AddressLookup {
  return async () => {
    const account = await TeamsInfo.getMember(context, context.activity.from?.id ?? '');
    const upn = account.userPrincipalName;
    const email = account.email;
    if (!upn && !email) return undefined;
    return { ...(upn && { upn }), ...(email && { email }) };
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOr = (v: unknown, otherwise: string) => (typeof v === 'string' ? v : otherwise);
const countOr = (v: unknown, otherwise: number) => (typeof v === 'number' && Number.isInteger(v) ? v : otherwise);

/**
 * A pressed button (`adaptiveCard/action`) as the client sent it. The SDK's type promises a verb
 * and data, but it only copies what came: an old or hostile client may leave either out or send
 * another type, which becomes an unknown button, never a failed turn.
 */
export function cardActionOf(invokeValue: unknown): { readonly verb: string; readonly data: Record<string, unknown> } {
  const action = isRecord(invokeValue) ? invokeValue.action : undefined;
  if (!isRecord(action)) return { verb: '', data: {} };
  return { verb: textOr(action.verb, ''), data: isRecord(action.data) ? action.data : {} };
}

export interface SearchQuery {
  readonly dataset: string;
  readonly text: string;
  readonly skip: number;
  readonly top: number;
}

/** A typeahead search (`application/search`) as the client sent it; what is missing or mistyped is left at its default. */
export function searchQueryOf(invokeValue: unknown, defaultTop: number): SearchQuery {
  const value = isRecord(invokeValue) ? invokeValue : {};
  const options = isRecord(value.queryOptions) ? value.queryOptions : {};
  return {
    dataset: textOr(value.dataset, ''),
    text: textOr(value.queryText, ''),
    skip: countOr(options.skip, 0),
    top: countOr(options.top, defaultTop),
  };
}
