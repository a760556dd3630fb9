import type { Absence } from './absence';
import { activeItems } from './agenda';
import type { Meeting } from './meeting';
import { osloDate } from './oslo-time';
import { holdsSeatOn } from './member';
import type { Organisation } from './organisation';
import type { Result } from './result';
import { fail, ok } from './result';
import type { OptionId } from './vote-option';

/** Who was there: members present, members absent with their reason, deputies and whom they stood in for. */
export interface Attendance {
  readonly present: readonly string[];
  readonly absent: readonly { readonly memberId: string; readonly reason: string }[];
  readonly deputies: readonly { readonly memberId: string; readonly standsInFor: string }[];
}

/** A proposal put forward in the meeting (benkeforslag), by whom. */
export interface MeetingProposal {
  readonly by: string;
  readonly text: string;
}

/**
 * A vote as the minutes record it. Where the vote was named the minutes say who voted what
 * and the counts must follow from that; otherwise only the counts.
 */
export interface RecordedVote {
  readonly proposal: string;
  readonly named: boolean;
  readonly ballots: readonly { readonly memberId: string; readonly option: OptionId }[];
  readonly counts: Readonly<Record<OptionId, number>>;
}

/** Per case: the recommendation (innstilling), what was proposed and voted, and the vedtak. */
export interface ItemMinutes {
  readonly itemId: string;
  readonly recommendation?: string;
  readonly proposals: readonly MeetingProposal[];
  readonly votes: readonly RecordedVote[];
  /** Empty until written; approval needs one for every item not withdrawn. */
  readonly decision: string;
}

export interface MinutesContent {
  readonly attendance: Attendance;
  readonly items: readonly ItemMinutes[];
}

/**
 * Referat / protokoll. Open to edits as a draft; locked once approved. A change after approval
 * makes the next version, recording who made it and why, and keeps the versions before it.
 */
export interface Minutes {
  readonly meetingId: string;
  readonly status: 'draft' | 'approved';
  readonly version: number;
  readonly content: MinutesContent;
  /** By a meeting (its id) or by the members on a card. */
  readonly approval?: {
    readonly at: string;
    readonly by: { readonly meeting: string } | { readonly members: readonly string[] };
  };
  readonly change?: { readonly at: string; readonly by: string; readonly reason: string };
  readonly earlier: readonly Omit<Minutes, 'earlier'>[];
}

/**
 * A first draft from what is known: everyone with a seat present unless they reported absence,
 * the first deputy called standing in, and each case's written proposal as its recommendation.
 */
export function draftMinutes(meeting: Meeting, org: Organisation, absences: readonly Absence[]): Result<Minutes> {
  if (meeting.state !== 'held') return fail('MINUTES.MEETING_NOT_HELD');
  const onDate = osloDate(meeting.start);
  const mine = absences.filter((a) => a.meetingId === meeting.id);
  const seated = org.members
    .filter((p) =>
      p.memberships.some(
        (s) => s.body === meeting.bodyId && (s.role === 'chair' || s.role === 'member') && holdsSeatOn(s, onDate),
      ),
    )
    .map((p) => p.id);
  const attendance: Attendance = {
    present: seated.filter((id) => !mine.some((a) => a.memberId === id)),
    absent: mine.map((a) => ({ memberId: a.memberId, reason: a.reason })),
    deputies: mine.flatMap((a) =>
      a.deputiesCalled[0] ? [{ memberId: a.deputiesCalled[0], standsInFor: a.memberId }] : [],
    ),
  };
  const items = activeItems(meeting).map((i): ItemMinutes => ({
    itemId: i.id,
    ...(i.proposal.kind === 'text' ? { recommendation: i.proposal.text } : {}),
    proposals: [],
    votes: [],
    decision: '',
  }));
  return ok({ meetingId: meeting.id, status: 'draft', version: 1, content: { attendance, items }, earlier: [] });
}

export const isLocked = (m: Minutes): boolean => m.status === 'approved';

/** No one is both there and away, and a deputy stands in only for someone absent. */
export function attendanceProblem(a: Attendance): Result<never> | undefined {
  const absent = new Set(a.absent.map((x) => x.memberId));
  const both = a.present.find((id) => absent.has(id));
  if (both) return fail('MINUTES.ATTENDANCE_CONFLICT', { memberId: both });
  const misplaced = a.deputies.find((d) => !absent.has(d.standsInFor));
  if (misplaced) return fail('MINUTES.DEPUTY_FOR_PRESENT_MEMBER', { memberId: misplaced.memberId });
  return undefined;
}

/** Named ballots only from those in the room, and counts that add up to them. */
export function voteProblem(v: RecordedVote, a: Attendance): Result<never> | undefined {
  if (!v.named) return undefined;
  const inRoom = new Set([...a.present, ...a.deputies.map((d) => d.memberId)]);
  const stranger = v.ballots.find((b) => !inRoom.has(b.memberId));
  if (stranger) return fail('MINUTES.VOTER_NOT_PRESENT', { memberId: stranger.memberId });
  if (new Set(v.ballots.map((b) => b.memberId)).size !== v.ballots.length) return fail('MINUTES.VOTED_TWICE');
  const tally: Record<OptionId, number> = {};
  for (const b of v.ballots) tally[b.option] = (tally[b.option] ?? 0) + 1;
  const options = new Set([...Object.keys(tally), ...Object.keys(v.counts)]);
  if ([...options].some((o) => (tally[o] ?? 0) !== (v.counts[o] ?? 0))) return fail('MINUTES.VOTE_COUNTS_MISMATCH');
  return undefined;
}

/** Checks content against the meeting; shared by editing a draft and amending approved minutes. */
export function contentProblem(meeting: Meeting, c: MinutesContent): Result<never> | undefined {
  const attendance = attendanceProblem(c.attendance);
  if (attendance) return attendance;
  for (const item of c.items) {
    const onAgenda = meeting.agenda.find((i) => i.id === item.itemId);
    if (!onAgenda) return fail('MINUTES.UNKNOWN_ITEM', { itemId: item.itemId });
    if (onAgenda.status === 'withdrawn' && item.decision.trim() !== '')
      return fail('MINUTES.ITEM_WITHDRAWN', { itemId: item.itemId });
    for (const v of item.votes) {
      const problem = voteProblem(v, c.attendance);
      if (problem) return problem;
    }
  }
  return undefined;
}

export function recordAttendance(minutes: Minutes, attendance: Attendance): Result<Minutes> {
  if (isLocked(minutes)) return fail('MINUTES.LOCKED');
  const problem = attendanceProblem(attendance);
  if (problem) return problem;
  return ok({ ...minutes, content: { ...minutes.content, attendance } });
}

/** Writes one case's part of a draft, replacing what was there. */
export function recordItemMinutes(minutes: Minutes, meeting: Meeting, entry: ItemMinutes): Result<Minutes> {
  if (isLocked(minutes)) return fail('MINUTES.LOCKED');
  if (minutes.meetingId !== meeting.id) return fail('MINUTES.OTHER_MEETING');
  const items = minutes.content.items.some((i) => i.itemId === entry.itemId)
    ? minutes.content.items.map((i) => (i.itemId === entry.itemId ? entry : i))
    : [...minutes.content.items, entry];
  const content = { ...minutes.content, items };
  const problem = contentProblem(meeting, content);
  if (problem) return problem;
  return ok({ ...minutes, content });
}
