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
  if (!team) return undefined;
  return {
    async *members(): AsyncIterable<TeamMember> {
      const all: TeamMember[] = [];
      await adapter.continueConversation(botIdentity(appId), asReference(team.value.reference), async (context) => {
        for await (const m of teamsRoster(context).members()) all.push(m);
      });
      yield* all;
    },
  };
}
