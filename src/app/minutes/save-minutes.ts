import { isMinutesApproval } from '../../domain/agenda-item';
import type { Meeting } from '../../domain/meeting';
import { previousHeldMeeting } from '../../domain/meeting';
import type { Minutes } from '../../domain/minutes';
import { recordAttendance, recordItemMinutes } from '../../domain/minutes';
import { amendMinutes, approveMinutes } from '../../domain/minutes-approval';
import { decisionsDiffer } from '../../domain/minutes-signing';
import type { Organisation } from '../../domain/organisation';
import type { DomainError, Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { StoredRecord } from '../../ports/record-store';
import { isStoreError, upsert } from '../../ports/record-store';
import { audit } from '../audit';
import { bodyMeetings, MEETINGS } from '../meetings/meeting-records';
import type { MinutesDeps } from './open-minutes';
import { heldMeeting } from './open-minutes';
import { readMinutesForm } from './minutes-form';
import type { MinutesRecord } from './minutes-records';
import { loadMinutes, MINUTES } from './minutes-records';
import { itemVotesFor, closedItemVotes } from './minutes-votes';

export interface MinutesSave {
  readonly meetingId: string;
  /** The revision the card was drawn from. */
  readonly revision: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly by: string;
  readonly actionId: string;
}

export interface MinutesSaved {
  readonly meeting: Meeting;
  readonly record: StoredRecord<MinutesRecord>;
  /** Set when this save approved the previous meeting's minutes under the standing first item. */
  readonly approvedPrevious?: Result<Meeting>;
}

/**
 * A draft is rewritten; approved minutes change only as a new version with a reason (a
 * changed vedtak without one is named as such). The card's revision must be the stored one.
 */
function nextMinutes(
  meeting: Meeting,
  minutes: Minutes,
  content: Minutes['content'],
  by: string,
  reason: string,
  now: Date,
): Result<Minutes> {
  if (minutes.status === 'approved') {
    // A new version that changes nothing would only make the history longer.
    if (JSON.stringify(minutes.content) === JSON.stringify(content)) return fail('MINUTES.NOTHING_CHANGED');
    if (reason === '' && decisionsDiffer(minutes.content, content))
      return fail('MINUTES.DECISION_LOCKED', { version: minutes.version + 1 });
    return amendMinutes(minutes, meeting, { content, by, reason }, now);
  }
  let next = recordAttendance(minutes, content.attendance);
  for (const item of content.items) if (next.ok) next = recordItemMinutes(next.value, meeting, item);
  return next;
}

export async function saveMinutes(
  deps: MinutesDeps,
  org: Organisation,
  save: MinutesSave,
): Promise<Result<MinutesSaved>> {
  const stored = await deps.store.get<Meeting>(MEETINGS, save.meetingId);
  if (!stored) return fail('MEETING.UNKNOWN', { meeting: save.meetingId });
  const held = await heldMeeting(deps, stored.value);
  if (!held.ok) return held;
  const meeting = held.value;
  const closed = await closedItemVotes(deps.store, meeting.id);
  const votesFor = (attendance: Minutes['content']['attendance']) => itemVotesFor(closed, meeting.agenda, attendance);
  const reason = typeof save.data.reason === 'string' ? save.data.reason.trim() : '';
  const now = deps.clock.now();
  // A member's approval meanwhile changes the record but not its revision: read again and retry.
  for (let attempt = 1; ; attempt++) {
    const current = await loadMinutes(deps.store, meeting.id);
    if (!current) return fail('MINUTES.UNKNOWN', { meeting: meeting.id });
    if (current.value.revision !== save.revision) {
      // The same invoke retried after it went through: answer with what it made.
      if (current.value.lastActionId === save.actionId) return ok({ meeting, record: current });
      return fail('MINUTES.STALE');
    }
    const content = readMinutesForm(org, meeting, current.value.minutes.content, save.data, votesFor);
    if (!content.ok) return content;
    const next = nextMinutes(meeting, current.value.minutes, content.value, save.by, reason, now);
    if (!next.ok) return next;
    const changed = JSON.stringify(next.value.content) !== JSON.stringify(current.value.minutes.content);
    const record: MinutesRecord = {
      ...current.value,
      minutes: next.value,
      revision: current.value.revision + 1,
      memberApprovals: changed ? [] : current.value.memberApprovals,
      lastActionId: save.actionId,
    };
    let written: StoredRecord<MinutesRecord>;
    try {
      written = await deps.store.replace<MinutesRecord>(MINUTES, meeting.id, record, current.etag);
    } catch (e) {
      if (!isStoreError(e, 'STORE.PRECONDITION_FAILED')) throw e;
      if (attempt >= 5) return fail('MINUTES.STALE');
      continue;
    }
    return ok(await afterSave(deps, meeting, written, current.value.minutes, save.by, reason));
  }
}

/** The audit entry, and the previous minutes approved when this save wrote the vedtak under the first item. */
async function afterSave(
  deps: MinutesDeps,
  meeting: Meeting,
  written: StoredRecord<MinutesRecord>,
  before: Minutes,
  by: string,
  reason: string,
): Promise<MinutesSaved> {
  const next = written.value.minutes;
  const now = deps.clock.now();
  const versioned = next.version !== before.version;
  await audit(deps.store, {
    kind: versioned ? 'minutes.new-version' : 'minutes.saved',
    memberId: by,
    at: now.toISOString(),
    details: { meetingId: meeting.id, version: next.version, ...(versioned && { reason }) },
  });
  const approvedPrevious = await approvePreviousIfDecided(deps, meeting, next, by);
  return { meeting, record: written, ...(approvedPrevious && { approvedPrevious }) };
}

/**
 * The first item of every agenda approves the previous minutes: a vedtak written under it
 * approves the body's previous held meeting's minutes, by this meeting. Once only.
 */
async function approvePreviousIfDecided(
  deps: MinutesDeps,
  meeting: Meeting,
  minutes: Minutes,
  by: string,
): Promise<Result<Meeting> | undefined> {
  const standing = meeting.agenda.find(isMinutesApproval);
  const decided =
    standing && (minutes.content.items.find((i) => i.itemId === standing.id)?.decision.trim() ?? '') !== '';
  if (!decided) return undefined;
  const previous = previousHeldMeeting(
    (await bodyMeetings(deps.store, meeting.bodyId)).map((r) => r.value),
    meeting,
  );
  if (!previous) return undefined;
  const theirs = await loadMinutes(deps.store, previous.id);
  if (!theirs || theirs.value.minutes.status === 'approved') return undefined;
  const now = deps.clock.now();
  let refusal: DomainError | undefined;
  await upsert<MinutesRecord>(deps.store, MINUTES, previous.id, (record) => {
    refusal = undefined;
    if (!record || record.minutes.status === 'approved') return undefined;
    const approved = approveMinutes(record.minutes, previous, { meeting: meeting.id }, now);
    if (!approved.ok) {
      refusal = approved.error;
      return undefined;
    }
    return { ...record, minutes: approved.value, revision: record.revision + 1 };
  });
  if (refusal) return { ok: false, error: refusal };
  await audit(deps.store, {
    kind: 'minutes.approved',
    memberId: by,
    at: now.toISOString(),
    details: { meetingId: previous.id, byMeeting: meeting.id },
  });
  return ok(previous);
}
