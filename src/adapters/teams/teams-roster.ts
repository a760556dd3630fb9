import { TeamsInfo } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import type { TeamMember, TeamRoster } from '../../ports/team-roster';

const PAGE_SIZE = 500; // the most Teams returns per page

/** The paged members API: the old unpaged one is retired and fails on large teams. */
export function teamsRoster(context: TurnContext): TeamRoster {
  return {
    async *members(): AsyncIterable<TeamMember> {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
        for (const m of page.members ?? []) {
          yield {
            name: m.name ?? m.email ?? m.id,
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
