import { itemsForInput } from '../../domain/agenda';
import { formatCaseNumber } from '../../domain/case-number';
import type { Position } from '../../domain/input';
import { summarizeItem } from '../../domain/input-summary';
import type { Meeting } from '../../domain/meeting';
import { isPlanned } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import { bodyName, seatsOf } from '../../domain/organisation';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { loadRequest, meetingAnswers } from '../input/input-records';
import { MEETINGS } from '../meetings/meeting-records';
import type { TabActor } from './tab-actor';

/** One case in the side panel: what the municipalities said, and the reference `vote.open` takes. */
export interface RoomCase {
  /** `meetingId|itemId`, the vote form's own value for a case. */
  readonly ref: string;
  readonly caseNumber: string;
  readonly title: string;
  readonly status: 'open' | 'decided';
  /** Absent while no input is asked for. */
  readonly input?: {
    readonly counts: Readonly<Record<Position, number>>;
    readonly majority?: Position;
    readonly notAnswered: number;
  };
}

export interface RoomAgenda {
  readonly meetingId: string;
  readonly title: string;
  readonly body: string;
  readonly start: string;
  /** The chair of the meeting's body, or a coordinator: who opens the votes (vote.open decides again). */
  readonly mayOpenVote: boolean;
  readonly cases: readonly RoomCase[];
}

/**
 * The meeting the side panel is in: the soonest planned meeting, not yet over, of a body this
 * person sits on (any body for a coordinator), with each case's input summary. Samråd does not
 * yet map a Teams meeting id to its meeting, so "the meeting now" is the person's next one.
 */
export async function meetingAgenda(
  deps: { store: RecordStore; clock: Clock },
  org: Organisation,
  actor: TabActor,
): Promise<RoomAgenda | undefined> {
  const now = deps.clock.now();
  const coordinator = actor.roles.has('coordinator');
  const seatIn = (m: Meeting) => seatsOf(org, m.bodyId, osloDate(m.start)).find((s) => s.member.id === actor.member.id);
  const meeting = (await deps.store.find<Meeting>(MEETINGS, { state: 'planned' }))
    .map((r) => r.value)
    .filter((m) => isPlanned(m) && Date.parse(m.end) >= now.getTime() && (coordinator || seatIn(m)))
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  if (!meeting) return undefined;
  const [request, answers] = await Promise.all([
    loadRequest(deps.store, meeting.id),
    meetingAnswers(deps.store, meeting.id),
  ]);
  return {
    meetingId: meeting.id,
    title: meeting.title,
    body: bodyName(org, meeting.bodyId),
    start: meeting.start,
    mayOpenVote: coordinator || seatIn(meeting)?.role === 'chair',
    cases: itemsForInput(meeting)
      .filter((i) => i.status !== 'withdrawn')
      .map((i) => {
        const summary = request && summarizeItem(request, answers, i.id);
        return {
          ref: `${meeting.id}|${i.id}`,
          caseNumber: formatCaseNumber(i.caseNumber),
          title: i.title,
          status: i.status === 'decided' ? 'decided' : 'open',
          ...(summary && {
            input: {
              counts: summary.counts,
              ...(summary.majority.kind === 'position' && { majority: summary.majority.position }),
              notAnswered: summary.notAnswered.length,
            },
          }),
        };
      }),
  };
}
