import type { TurnContext } from '@microsoft/agents-hosting';
import { TeamsInfo } from '@microsoft/agents-hosting-extensions-teams';
import type { TeamMember, TeamRoster } from '../../ports/team-roster';

const PAGE_SIZE = 500; // the most Teams returns per page

/** The paged members API (the extension has no unpaged one: docs/agents-sdk.md). */
export function teamsRoster(context: TurnContext): TeamRoster {
  return {
    async *members(): AsyncIterable<TeamMember> {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
        for (const m of page.members ?? []) {
          yield {
            name: m.name ?? m.email ?? m.id ?? '',
            ...(m.aadObjectId && { aadObjectId: m.aadObjectId }),
            ...(m.userPrincipalName && { userPrincipalName: m.userPrincipalName }),
            ...(m.email && { email: m.email }),
          };
        }
        continuationToken = page.continuationToken || undefined;
      } while (continuationToken);
    },
  };
}
