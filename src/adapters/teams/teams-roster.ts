import { TeamsInfo } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
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

/** The paged members API: the old unpaged one is retired and fails on large teams. */
export function teamsRoster(context: TurnContext): TeamRoster {
  return {
    async *members(): AsyncIterable<TeamMember> {
      let continuationToken: string | undefined;
      do {
        const page = sent(await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken));
        for (const m of page.members ?? []) {
          yield {
            name: m.name ?? m.email ?? m.id ?? '',
            ...(m.aadObjectId && { aadObjectId: m.aadObjectId }),
            ...(m.userPrincipalName && { userPrincipalName: m.userPrincipalName }),
            ...(m.email && { email: m.email }),
          };
        }
        continuationToken = page.continuationToken === '' ? undefined : page.continuationToken; // the last page may say ''
      } while (continuationToken);
    },
  };
}
