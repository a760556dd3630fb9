import type { Meeting } from '../../domain/meeting';
import { markHeld } from '../../domain/meeting';
import { draftMinutes } from '../../domain/minutes';
import type { Minutes } from '../../domain/minutes';
import type { Organisation } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Clock } from '../../ports/clock';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isStoreError, upsert } from '../../ports/record-store';
import { MEETINGS, meetingAbsences } from '../meetings/meeting-records';
import type { MinutesRecord } from './minutes-records';
import { loadMinutes, MINUTES } from './minutes-records';
import { itemVotesFor, closedItemVotes } from './minutes-votes';

export interface MinutesDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
}

/**
 * Minutes are written once the meeting has begun: a planned meeting whose start has passed
 * is marked held here (nothing else marks it), a cancelled one has no minutes.
 */
export async function heldMeeting(deps: MinutesDeps, meeting: Meeting): Promise<Result<Meeting>> {
  if (meeting.state === 'held') return ok(meeting);
  if (meeting.state === 'cancelled') return fail('MEETING.CANCELLED');
  const now = deps.clock.now();
  if (now.getTime() < Date.parse(meeting.start)) return fail('MINUTES.NOT_STARTED');
  let refusal: Result<never> | undefined;
  const stored = await upsert<Meeting>(deps.store, MEETINGS, meeting.id, (current) => {
    refusal = undefined;
    if (!current || current.state === 'held') return undefined;
    const held = markHeld(current, now);
    if (!held.ok) refusal = held;
    return held.ok ? held.value : undefined;
  });
  if (refusal) return refusal;
  return stored ? ok(stored.value) : fail('MEETING.UNKNOWN', { meeting: meeting.id });
}

/**
 * The meeting's minutes, started as a draft the first time: attendance from the members
 * called and the absences reported (meld forfall), each case's proposal as its
 * recommendation, and the closed Samråd votes with the vedtak they gave.
 */
export async function minutesOf(
  deps: MinutesDeps,
  org: Organisation,
  meeting: Meeting,
): Promise<Result<StoredRecord<MinutesRecord>>> {
  const existing = await loadMinutes(deps.store, meeting.id);
  if (existing) return ok(existing);
  const drafted = draftMinutes(meeting, org, await meetingAbsences(deps.store, meeting.id));
  if (!drafted.ok) return drafted;
  const votes = itemVotesFor(
    await closedItemVotes(deps.store, meeting.id),
    meeting.agenda,
    drafted.value.content.attendance,
  );
  const minutes: Minutes = {
    ...drafted.value,
    content: {
      ...drafted.value.content,
      items: drafted.value.content.items.map((i) => ({
        ...i,
        votes: votes.filter((v) => v.itemId === i.itemId).map((v) => v.recorded),
        decision: votes.find((v) => v.itemId === i.itemId && v.decision)?.decision ?? '',
      })),
    },
  };
  const record: MinutesRecord = {
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
    minutes,
    revision: 1,
    memberApprovals: [],
  };
  try {
    return ok(await deps.store.create<MinutesRecord>(MINUTES, meeting.id, record));
  } catch (e) {
    // Another coordinator opened them at the same moment: theirs is the draft.
    if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
    const raced = await loadMinutes(deps.store, meeting.id);
    return raced ? ok(raced) : fail('MINUTES.UNKNOWN', { meeting: meeting.id });
  }
}
