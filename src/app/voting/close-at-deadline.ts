import { z } from 'zod';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { Messenger } from '../../ports/messenger';
import type { JobHandler } from '../scheduling/execute-job';
import { closeOpenVote } from './close-open-vote';
import { sharedView } from './vote-actions';
import type { VotingDeps } from './vote-actions';

export { CLOSE_AT_DEADLINE } from './close-job';

/** What a vote's deadline job carries. */
export const closeAtDeadlinePayload = z.object({ voteId: z.string() });

/**
 * A vote with a deadline closes by itself: the scheduler runs this once, on one
 * process, and the posted card becomes the result. Closed by hand before? Then done.
 */
export function closeAtDeadline(
  deps: VotingDeps & { messenger: Messenger; organisation: () => Organisation; t: Translator },
): JobHandler<z.infer<typeof closeAtDeadlinePayload>> {
  return async ({ job }) => {
    const closed = await closeOpenVote(deps, job.payload.voteId, 'deadline');
    if (!closed.ok)
      return closed.error.code === 'VOTE.CLOSED'
        ? { outcome: 'done' }
        : { outcome: 'failed', error: closed.error.code };
    const posted = closed.value.vote.posted;
    const shared = posted && (await sharedView(deps, { org: deps.organisation(), t: deps.t }, job.payload.voteId));
    // Here, not as a job of its own: this job is already paced and retried, and must not end before the card is the result.
    if (posted && shared) await deps.messenger.update(posted.conversationId, posted.activityId, shared.reply);
    return { outcome: 'done' };
  };
}
