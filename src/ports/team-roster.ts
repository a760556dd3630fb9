/** A person in the team the bot is installed in, as Teams reports them. */
export interface TeamMember {
  readonly aadObjectId?: string;
  readonly userPrincipalName?: string;
  readonly email?: string;
  readonly name: string;
}

/** Reads the team's roster page by page (Teams' paged members API). */
export interface TeamRoster {
  members(): AsyncIterable<TeamMember>;
}
