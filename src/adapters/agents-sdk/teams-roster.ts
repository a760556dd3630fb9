import type { TurnContext } from '@microsoft/agents-hosting';
import { TeamsInfo } from '@microsoft/agents-hosting-extensions-teams';
import type { TeamMember, TeamRoster } from '../../ports/team-roster';

const PAGE_SIZE = 500; // the most Teams returns per page

/** A page as Teams sent it: the SDK's type promises members (with names), but a page or a member may come without. */
interface SentPage {
  readonly members?: readonly {
    readonly id?: string;
    readonly name?: string;
    readonly email?: string;
    readonly aadObjectId?: string;
    readonly userPrincipalName?: string;
  }[];
  readonly continuationToken?: string;
}
const sent = (page: SentPage): SentPage => page;

/**
 * The paged members API (the extension has no unpaged one: docs/agents-sdk.md). In a turn the
 * team comes from the activity's channel data; a continued conversation has none (the
 * extension then throws on parsing it), so its caller names the team.
 */
export function teamsRoster(context: TurnContext, teamId?: string): TeamRoster {
  const page = (token: string | undefined) =>
    teamId
      ? TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, token)
      : TeamsInfo.getPagedMembers(context, PAGE_SIZE, token);
  return {
    async *members(): AsyncIterable<TeamMember> {
      let continuationToken: string | undefined;
      do {
        const { members, continuationToken: next } = sent(await page(continuationToken));
        for (const m of members ?? []) {
          yield {
            name: m.name ?? m.email ?? m.id ?? '',
            ...(m.aadObjectId && { aadObjectId: m.aadObjectId }),
            ...(m.userPrincipalName && { userPrincipalName: m.userPrincipalName }),
            ...(m.email && { email: m.email }),
          };
        }
        continuationToken = next === '' ? undefined : next; // the last page may say ''
      } while (continuationToken);
    },
  };
}
