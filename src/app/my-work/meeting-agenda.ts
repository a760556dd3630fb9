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
import { meetingOfTeamsMeeting } from './teams-meeting-map';

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
  /**
   * `teams-meeting`: the Samråd meeting this Teams meeting was scheduled for; `next`: the Teams
   * meeting is none Samråd scheduled (or the tab could not say which), so the person's next one.
   */
  readonly found: 'teams-meeting' | 'next';
  readonly cases: readonly RoomCase[];
}

/**
 * The meeting the side panel is in: the Samråd meeting the Teams meeting was scheduled for
 * (`teams-meeting-map.ts`), or, when Samråd scheduled no such meeting, the soonest planned one
 * not yet over of a body this person sits on (any body for a coordinator); each case with its
 * input summary. A mapped meeting of a body the person has no seat on shows no agenda.
 */
export async function meetingAgenda(
  deps: { store: RecordStore; clock: Clock },
  org: Organisation,
  actor: TabActor,
  /** The Teams meeting's chat thread (`teamsMeetingThread`), when the panel is in one. */
  teamsThread?: string,
): Promise<RoomAgenda | undefined> {
  const now = deps.clock.now();
  const coordinator = actor.roles.has('coordinator');
  const seatIn = (m: Meeting) => seatsOf(org, m.bodyId, osloDate(m.start)).find((s) => s.member.id === actor.member.id);
  const all = (await deps.store.find<Meeting>(MEETINGS)).map((r) => r.value);
  const mapped = await meetingOfTeamsMeeting(deps.store, all, teamsThread);
  if (mapped && !coordinator && !seatIn(mapped)) return undefined;
  const meeting =
    mapped ??
    all
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
    found: mapped ? 'teams-meeting' : 'next',
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
