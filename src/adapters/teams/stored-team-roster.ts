import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationRecord } from '../../app/remember-conversation';
import type { RecordStore } from '../../ports/record-store';
import type { TeamMember, TeamRoster } from '../../ports/team-roster';
import { teamsRoster } from './teams-roster';

/**
 * The roster of the team the bot is installed in, read from a personal chat: the
 * bot continues the team's stored conversation to ask Teams for its members.
 */
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
      await adapter.continueConversationAsync(
        appId,
        team.value.reference as Partial<ConversationReference>,
        async (context) => {
          for await (const m of teamsRoster(context).members()) all.push(m);
        },
      );
      yield* all;
    },
  };
}
