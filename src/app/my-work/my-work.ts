import { itemsForInput } from '../../domain/agenda';
import { formatCaseNumber } from '../../domain/case-number';
import { dueHasPassed, isOpenTask } from '../../domain/follow-up';
import type { HearingPosition } from '../../domain/hearing-response';
import { hearingPositions, respondingFor } from '../../domain/hearing-response';
import type { Position } from '../../domain/input';
import { latestAnswer, positions } from '../../domain/input';
import type { Meeting } from '../../domain/meeting';
import { isPlanned } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { bodyName, municipalityName } from '../../domain/organisation';
import { keysCastableBy } from '../../domain/electorate';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { Actor } from '../identify-actor';
import { allTasks } from '../follow-up/follow-up-records';
import { hearingResponses, openHearings } from '../hearings/hearing-records';
import { loadRequest, meetingAnswers } from '../input/input-records';
import { MEETINGS } from '../meetings/meeting-records';
import { BALLOT_BOXES, VOTES, type VoteRecord } from '../voting/vote-records';
import type { BallotBox } from '../../domain/ballot';
import { answersFor } from '../../domain/municipal-answer';
import { minutesItems, type MinutesWork } from './minutes-items';

/**
 * "Mitt arbeid": what one person must do, soonest first. A read model only: every item is done
 * through the same card actions the bot uses (input.*, hearing.*, vote.cast, follow-up.done,
 * minutes.approve),
 * so the rules live in one place. Each item carries what that action needs (ids and versions).
 */
export type WorkItem =
  | {
      readonly kind: 'input';
      readonly key: string;
      readonly due: string;
      readonly meetingId: string;
      readonly meetingVersion: number;
      readonly title: string;
      readonly body: string;
      readonly municipality: string;
      readonly municipalityName: string;
      readonly status: 'none' | 'draft';
      readonly cases: readonly {
        readonly caseNumber: string;
        readonly title: string;
        readonly position?: Position;
        readonly text: string;
      }[];
    }
  | {
      readonly kind: 'hearing';
      readonly key: string;
      readonly due: string;
      readonly hearingId: string;
      readonly hearingVersion: number;
      readonly title: string;
      readonly issuer: string;
      readonly municipality: string;
      readonly municipalityName: string;
      readonly status: 'none' | 'draft';
      readonly position?: HearingPosition;
      readonly text: string;
      readonly questions: readonly { readonly id: string; readonly text: string; readonly answer: string }[];
    }
  | {
      readonly kind: 'vote';
      readonly key: string;
      readonly due?: string;
      readonly voteId: string;
      readonly title: string;
      readonly caseNumber?: string;
      readonly secret: boolean;
      readonly voterKey: string;
      readonly voterLabel: string;
      readonly options: readonly { readonly id: string; readonly label?: string }[];
    }
  | {
      readonly kind: 'follow-up';
      readonly key: string;
      readonly due: string;
      readonly taskId: string;
      readonly description: string;
      readonly caseNumber: string;
      readonly body: string;
      readonly overdue: boolean;
    }
  | MinutesWork;

export interface MyWorkDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
}

type Member = Extract<Actor, { kind: 'member' }>;

export const inputPositions: readonly Position[] = positions;
export const hearingPositionList: readonly HearingPosition[] = hearingPositions;

export async function myWork(deps: MyWorkDeps, org: Organisation, actor: Member): Promise<WorkItem[]> {
  const now = deps.clock.now();
  const memberId = actor.member.id;
  const [input, hearings, votes, tasks, minutes] = await Promise.all([
    inputItems(deps, org, memberId, now),
    hearingItems(deps, org, memberId),
    voteItems(deps, org, memberId),
    allTasks(deps.store, { owner: memberId }),
    minutesItems(deps.store, org, memberId),
  ]);
  const followUps: WorkItem[] = tasks.filter(isOpenTask).map((task) => ({
    kind: 'follow-up',
    key: `follow-up:${task.id}`,
    due: task.due,
    taskId: task.id,
    description: task.description,
    caseNumber: formatCaseNumber(task.caseNumber),
    body: bodyName(org, task.bodyId),
    overdue: dueHasPassed(task.due, now),
  }));
  // Soonest first; work without a deadline (an open vote without one, minutes to approve) last.
  const due = (w: WorkItem) => (w.kind === 'minutes' ? undefined : w.due) ?? '9999';
  return [...input, ...hearings, ...votes, ...followUps, ...minutes].sort((a, b) => due(a).localeCompare(due(b)));
}

async function inputItems(deps: MyWorkDeps, org: Organisation, memberId: string, now: Date): Promise<WorkItem[]> {
  const mine = answersFor(org, memberId).map((r) => r.municipality);
  if (mine.length === 0) return [];
  const items: WorkItem[] = [];
  // Planned meetings are few (storage-queries.md); each has at most one input request.
  for (const { value: meeting } of await deps.store.find<Meeting>(MEETINGS, { state: 'planned' })) {
    if (!isPlanned(meeting) || Date.parse(meeting.start) < now.getTime()) continue;
    const request = await loadRequest(deps.store, meeting.id);
    if (!request || Date.parse(request.sendAt) > now.getTime()) continue; // Not asked yet.
    const answers = await meetingAnswers(deps.store, meeting.id);
    for (const municipality of mine.filter((m) => request.municipalities.includes(m))) {
      const latest = latestAnswer(answers, meeting.id, municipality);
      if (latest?.status === 'submitted') continue;
      items.push({
        kind: 'input',
        key: `input:${meeting.id}:${municipality}`,
        due: request.deadline,
        meetingId: meeting.id,
        meetingVersion: meeting.version,
        title: meeting.title,
        body: bodyName(org, meeting.bodyId),
        municipality,
        municipalityName: municipalityName(org, municipality),
        status: latest ? 'draft' : 'none',
        cases: itemsForInput(meeting).map((item) => {
          const given = latest?.items.find((i) => i.itemId === item.id);
          return {
            caseNumber: formatCaseNumber(item.caseNumber),
            title: item.title,
            ...(given?.position && { position: given.position }),
            text: given?.text ?? '',
          };
        }),
      });
    }
  }
  return items;
}

async function hearingItems(deps: MyWorkDeps, org: Organisation, memberId: string): Promise<WorkItem[]> {
  const items: WorkItem[] = [];
  for (const { value: h } of await openHearings(deps.store)) {
    const mine = answersFor(org, memberId).filter((r) => h.municipalities.includes(r.municipality));
    if (mine.length === 0 || !respondingFor(h, org, memberId, mine[0]!.municipality).ok) continue;
    const responses = await hearingResponses(deps.store, h.id);
    for (const { municipality } of mine) {
      const latest = responses.filter((r) => r.municipality === municipality).sort((a, b) => b.version - a.version)[0];
      if (latest?.status === 'submitted') continue;
      items.push({
        kind: 'hearing',
        key: `hearing:${h.id}:${municipality}`,
        due: h.internalDeadline,
        hearingId: h.id,
        hearingVersion: h.version,
        title: h.title,
        issuer: h.issuer,
        municipality,
        municipalityName: municipalityName(org, municipality),
        status: latest ? 'draft' : 'none',
        ...(latest?.position && { position: latest.position }),
        text: latest?.text ?? '',
        questions: h.questions.map((q) => ({
          id: q.id,
          text: q.text,
          answer: latest?.answers.find((a) => a.questionId === q.id)?.text ?? '',
        })),
      });
    }
  }
  return items;
}

/** Open votes this person may still cast. Only "has taken part" is read from a secret box. */
async function voteItems(deps: MyWorkDeps, org: Organisation, memberId: string): Promise<WorkItem[]> {
  const open = await deps.store.find<VoteRecord>(VOTES, { state: 'open' });
  const items: WorkItem[] = [];
  for (const { value: vote } of open) {
    if (vote.state !== 'open') continue;
    const keys = keysCastableBy(vote.electorate, memberId);
    if (keys.length === 0) continue;
    const box = (await deps.store.get<BallotBox>(BALLOT_BOXES, vote.id))?.value;
    const cast = new Set(
      box
        ? box.secrecy === 'named'
          ? box.ballots.map((b) => b.voterKey)
          : box.participation.map((p) => p.voterKey)
        : [],
    );
    for (const key of keys.filter((k) => !cast.has(k))) {
      items.push({
        kind: 'vote',
        key: `vote:${vote.id}:${key}`,
        ...(vote.settings.deadline && { due: vote.settings.deadline }),
        voteId: vote.id,
        title: vote.title,
        ...(vote.caseNumber && { caseNumber: vote.caseNumber }),
        secret: vote.settings.secrecy === 'secret',
        voterKey: key,
        voterLabel: voterLabel(org, key, memberId),
        options: vote.settings.options.map((o) => ({ id: o.id, ...(o.label && { label: o.label }) })),
      });
    }
  }
  return items;
}

/** A voter key is a member id or a municipality number (docs/voting-rules.md). */
function voterLabel(org: Organisation, key: string, memberId: string): string {
  if (key === memberId) return '';
  return org.municipalities.some((m) => m.number === key)
    ? municipalityName(org, key)
    : (org.members.find((m) => m.id === key)?.name ?? key);
}
