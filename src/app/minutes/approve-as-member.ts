import type { Meeting } from '../../domain/meeting';
import { approveAsMember } from '../../domain/minutes-signing';
import type { DomainError, Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import { upsert } from '../../ports/record-store';
import { audit } from '../audit';
import { MEETINGS } from '../meetings/meeting-records';
import type { MinutesDeps } from './open-minutes';
import type { MinutesRecord } from './minutes-records';
import { MINUTES } from './minutes-records';

/**
 * A member's approval from the card, written under the record's eTag so two members
 * approving at once are both counted. The card's revision must be the content they read.
 */
export async function approveMinutesAsMember(
  deps: MinutesDeps,
  request: { meetingId: string; revision: number; memberId: string },
): Promise<Result<{ record: MinutesRecord; approved: boolean }>> {
  const meeting = (await deps.store.get<Meeting>(MEETINGS, request.meetingId))?.value;
  if (!meeting) return fail('MEETING.UNKNOWN', { meeting: request.meetingId });
  const now = deps.clock.now();
  let refusal: DomainError | undefined;
  // Set by the write's callback: kept on an object, since narrowing does not see a callback's assignments.
  const outcome = { recorded: false };
  const written = await upsert<MinutesRecord>(deps.store, MINUTES, meeting.id, (record) => {
    refusal = undefined;
    outcome.recorded = false;
    if (!record) {
      refusal = { code: 'MINUTES.UNKNOWN', params: { meeting: meeting.id } };
      return undefined;
    }
    // A member approves what they read: a card from before the last change is refused.
    if (record.revision !== request.revision) {
      refusal = { code: 'MINUTES.STALE' };
      return undefined;
    }
    const given = approveAsMember(record.minutes, meeting, record.memberApprovals, request.memberId, now);
    if (!given.ok) {
      refusal = given.error;
      return undefined;
    }
    if (!given.value.recorded) return undefined;
    outcome.recorded = true;
    // The content is unchanged, so the revision stays: the other members' cards remain good.
    return { ...record, minutes: given.value.minutes, memberApprovals: given.value.approvals };
  });
  if (refusal) return { ok: false, error: refusal };
  if (!written) return fail('MINUTES.UNKNOWN', { meeting: meeting.id });
  const approved = written.value.minutes.status === 'approved';
  if (outcome.recorded) {
    await audit(deps.store, {
      kind: approved ? 'minutes.approved' : 'minutes.member-approval',
      memberId: request.memberId,
      at: now.toISOString(),
      details: { meetingId: meeting.id, version: written.value.minutes.version },
    });
  }
  return ok({ record: written.value, approved });
}
