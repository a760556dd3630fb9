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
  const stripped = context.activity.removeRecipientMention() || context.activity.text || '';
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
