import { itemsForInput } from '../../domain/agenda';
import { isMinutesApproval } from '../../domain/agenda-item';
import { formatCaseNumber } from '../../domain/case-number';
import { dueHasPassed, isOpenTask } from '../../domain/follow-up';
import type { HearingPosition } from '../../domain/hearing-response';
import type { Position } from '../../domain/input';
import { latestAnswer } from '../../domain/input';
import { summarizeItem } from '../../domain/input-summary';
import type { Meeting } from '../../domain/meeting';
import { isPlanned } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { bodyName, memberById, municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { recentDeliveryFailures } from '../delivery/delivery-failures';
import { allTasks } from '../follow-up/follow-up-records';
import { hearingResponses, openHearings } from '../hearings/hearing-records';
import { loadRequest, meetingAnswers } from '../input/input-records';
import { MEETINGS } from '../meetings/meeting-records';
import { describeJob } from '../scheduling/describe-job';
import { jobRef } from '../scheduling/job-ref';
import type { JobScheduler } from '../scheduling/scheduler';
import { BALLOT_BOXES, VOTES, type VoteRecord } from '../voting/vote-records';
import type { BallotBox } from '../../domain/ballot';
import { hearingRemindersShown } from './hearing-reminders';

/** The secretariat's view of the whole cooperation, composed from the same records the bot keeps. */
export interface Dashboard {
  readonly meetings: readonly DashboardMeeting[];
  readonly hearings: readonly HearingTrack[];
  readonly votes: readonly {
    readonly voteId: string;
    readonly title: string;
    readonly caseNumber?: string;
    readonly cast: number;
    readonly voters: number;
    readonly deadline?: string;
  }[];
  readonly overdue: readonly {
    readonly taskId: string;
    readonly description: string;
    readonly caseNumber: string;
    readonly owner: string;
    readonly due: string;
  }[];
  readonly deliveryFailures: readonly {
    readonly id: string;
    readonly message: string;
    readonly kind: string;
    readonly at: string;
  }[];
  readonly failedJobs: readonly { readonly ref: string; readonly what: string; readonly at: string }[];
}

export interface DashboardMeeting {
  readonly meetingId: string;
  readonly title: string;
  readonly body: string;
  readonly bodyId: string;
  readonly start: string;
  /** Every case on the agenda, before input is asked for too: the dashboard adds cases here. */
  readonly agenda: readonly { readonly itemId: string; readonly caseNumber: string; readonly title: string }[];
  /** Absent until input is requested: the dashboard offers the request. */
  readonly input?: {
    readonly deadline: string;
    readonly asked: number;
    readonly answered: number;
    /** The "one voice" matrix: a row per municipality asked, a cell per case. */
    readonly cases: readonly {
      readonly itemId: string;
      readonly caseNumber: string;
      readonly title: string;
      readonly majority?: Position;
      readonly diverging: number;
    }[];
    readonly rows: readonly MatrixRow[];
  };
}

export interface MatrixRow {
  readonly municipality: string;
  readonly name: string;
  /** `draft` when only a draft is saved: not counted yet, but the coordinator sees it is coming. */
  readonly state: 'submitted' | 'draft' | 'none';
  readonly cells: readonly { readonly position?: Position; readonly text: string; readonly diverges: boolean }[];
}

export interface HearingTrack {
  readonly hearingId: string;
  readonly title: string;
  readonly internalDeadline: string;
  readonly externalDeadline: string;
  readonly reminderDaysBefore: readonly number[];
  /** The reminders to those not answered: when, and whether sent yet. */
  readonly reminders: readonly { readonly at: string; readonly sent: boolean }[];
  readonly rows: readonly {
    readonly municipality: string;
    readonly name: string;
    readonly state: 'submitted' | 'draft' | 'none';
    readonly late: boolean;
    readonly position?: HearingPosition;
  }[];
}

export interface DashboardDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
}

const SHOWN_MEETINGS = 5;
const SHOWN_FAILURES = 10;

/** The meetings the dashboard shows: the next few planned ones not yet over. */
export const shownMeetings = <R extends { readonly value: Meeting }>(planned: readonly R[], now: Date): R[] =>
  planned
    .filter((r) => isPlanned(r.value) && Date.parse(r.value.end) >= now.getTime())
    .sort((a, b) => a.value.start.localeCompare(b.value.start))
    .slice(0, SHOWN_MEETINGS);

export async function dashboard(deps: DashboardDeps, org: Organisation, t: Translator): Promise<Dashboard> {
  const now = deps.clock.now();
  const planned = shownMeetings(await deps.store.find<Meeting>(MEETINGS, { state: 'planned' }), now).map(
    (r) => r.value,
  );
  const [meetings, hearings, votes, tasks, failures, failedJobs] = await Promise.all([
    Promise.all(planned.map((m) => meetingView(deps.store, org, t, m))),
    hearingTracks(deps.store, org),
    openVotes(deps.store),
    allTasks(deps.store),
    recentDeliveryFailures(deps.store, SHOWN_FAILURES),
    deps.scheduler.list({ state: 'failed' }),
  ]);
  return {
    meetings,
    hearings,
    votes,
    overdue: tasks
      .filter((task) => isOpenTask(task) && dueHasPassed(task.due, now))
      .sort((a, b) => a.due.localeCompare(b.due))
      .map((task) => ({
        taskId: task.id,
        description: task.description,
        caseNumber: formatCaseNumber(task.caseNumber),
        owner: memberById(org, task.owner)?.name ?? task.owner,
        due: task.due,
      })),
    deliveryFailures: failures.map((f) => ({ id: f.id, message: f.message, kind: f.kind ?? 'forbidden', at: f.at })),
    failedJobs: failedJobs
      .sort((a, b) => (b.finishedAt ?? b.updatedAt).localeCompare(a.finishedAt ?? a.updatedAt))
      .slice(0, SHOWN_FAILURES)
      .map((job) => ({ ref: jobRef(job.id), what: describeJob(job, org, t), at: job.finishedAt ?? job.updatedAt })),
  };
}

async function meetingView(
  store: RecordStore,
  org: Organisation,
  t: Translator,
  m: Meeting,
): Promise<DashboardMeeting> {
  const head = {
    meetingId: m.id,
    title: m.title,
    body: bodyName(org, m.bodyId),
    bodyId: m.bodyId,
    start: m.start,
    agenda: m.agenda
      .filter((i) => i.status !== 'withdrawn')
      .map((i) => ({
        itemId: i.id,
        caseNumber: formatCaseNumber(i.caseNumber),
        // The standing first item has no title of its own: the catalogue names it, as in the bot's agenda.
        title: isMinutesApproval(i) ? t.t('agenda.minutes-approval') : i.title,
      })),
  };
  const request = await loadRequest(store, m.id);
  if (!request) return head;
  const answers = await meetingAnswers(store, m.id);
  const items = itemsForInput(m);
  const summaries = items.map((i) => summarizeItem(request, answers, i.id));
  const rows: MatrixRow[] = request.municipalities.map((municipality) => {
    const latest = latestAnswer(answers, m.id, municipality);
    const state = !latest
      ? 'none'
      : answers.some((a) => a.municipality === municipality && a.status === 'submitted')
        ? 'submitted'
        : 'draft';
    return {
      municipality,
      name: municipalityName(org, municipality),
      state,
      cells: summaries.map((s) => {
        const counted = s.answered.find((a) => a.municipality === municipality);
        return counted
          ? {
              position: counted.position,
              text: counted.text,
              diverges: s.diverging.some((d) => d.municipality === municipality),
            }
          : { text: '', diverges: false };
      }),
    };
  });
  return {
    ...head,
    input: {
      deadline: request.deadline,
      asked: request.municipalities.length,
      answered: rows.filter((r) => r.state === 'submitted').length,
      cases: items.map((item, n) => {
        const majority = summaries[n]!.majority;
        return {
          itemId: item.id,
          caseNumber: formatCaseNumber(item.caseNumber),
          title: item.title,
          ...(majority.kind === 'position' && { majority: majority.position }),
          diverging: summaries[n]!.diverging.length,
        };
      }),
      rows,
    },
  };
}

async function hearingTracks(store: RecordStore, org: Organisation): Promise<HearingTrack[]> {
  return Promise.all(
    (await openHearings(store)).map(async ({ value: h }) => {
      const [responses, reminders] = await Promise.all([
        hearingResponses(store, h.id),
        hearingRemindersShown(store, h),
      ]);
      return {
        hearingId: h.id,
        title: h.title,
        internalDeadline: h.internalDeadline,
        externalDeadline: h.externalDeadline,
        reminderDaysBefore: h.reminderDaysBefore,
        reminders,
        rows: h.municipalities.map((municipality) => {
          const mine = responses.filter((r) => r.municipality === municipality).sort((a, b) => b.version - a.version);
          const submitted = mine.find((r) => r.status === 'submitted');
          const shown = submitted ?? mine[0];
          return {
            municipality,
            name: municipalityName(org, municipality),
            state: submitted ? ('submitted' as const) : mine[0] ? ('draft' as const) : ('none' as const),
            late: submitted?.late ?? false,
            ...(shown?.position && { position: shown.position }),
          };
        }),
      };
    }),
  );
}

/** How many have voted, never what: a secret box gives only its participation count. */
async function openVotes(store: RecordStore): Promise<Dashboard['votes']> {
  const open = await store.find<VoteRecord>(VOTES, { state: 'open' });
  return Promise.all(
    open.flatMap(({ value: vote }) =>
      vote.state !== 'open'
        ? []
        : [
            (async () => {
              const box = (await store.get<BallotBox>(BALLOT_BOXES, vote.id))?.value;
              const cast = box
                ? new Set(
                    box.secrecy === 'named'
                      ? box.ballots.map((b) => b.voterKey)
                      : box.participation.map((p) => p.voterKey),
                  ).size
                : 0;
              return {
                voteId: vote.id,
                title: vote.title,
                ...(vote.caseNumber && { caseNumber: vote.caseNumber }),
                cast,
                voters: vote.electorate.voters.length,
                ...(vote.settings.deadline && { deadline: vote.settings.deadline }),
              };
            })(),
          ],
    ),
  );
}
