// The job that closes a vote at its deadline, by name: the vote's opening schedules it, the job
// runner runs it (close-at-deadline.ts), and neither needs the other's code for that.
export const CLOSE_AT_DEADLINE = 'vote.close-at-deadline';

export const closeJobId = (voteId: string): string => `vote-close:${voteId}`;
