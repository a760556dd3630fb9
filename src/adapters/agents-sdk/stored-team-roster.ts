import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { ConversationRecord } from '../../app/remember-conversation';
import type { RecordStore } from '../../ports/record-store';
import type { TeamMember, TeamRoster } from '../../ports/team-roster';
import { asReference, botIdentity } from './proactive-identity';
import { teamsRoster } from './teams-roster';

/** The team's roster read from a personal chat: TeamsInfo needs a turn, so the team's conversation is continued. */
export async function storedTeamRoster(
  store: RecordStore,
  adapter: CloudAdapter,
  appId: string,
): Promise<TeamRoster | undefined> {
  const channels = await store.find<ConversationRecord>('conversations', { kind: 'channel', installed: true });
  const team = channels.find((c) => c.value.teamId);
  const teamId = team?.value.teamId;
  if (!team || !teamId) return undefined;
  return {
    async *members(): AsyncIterable<TeamMember> {
      const all: TeamMember[] = [];
      // The adapter hands a failure inside the callback to its onTurnError (an apology posted in
      // the team's channel) and resolves: the failure is carried out and thrown to the person's turn.
      let failure: { readonly error: unknown } | undefined;
      await adapter.continueConversation(botIdentity(appId), asReference(team.value.reference), async (context) => {
        try {
          for await (const m of teamsRoster(context, teamId).members()) all.push(m);
        } catch (error) {
          failure = { error };
        }
      });
      if (failure) throw failure.error;
      yield* all;
    },
  };
}
