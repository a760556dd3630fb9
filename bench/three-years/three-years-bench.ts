/**
 * Three years of a cooperation on SharePoint (issue 10 part 7), on the faithful fake Graph at
 * SharePoint's own limits (5,000 list view threshold, 63,999 / 255 characters): the store is
 * filled week by week as the product writes (votes through the ballot use case and closed by
 * it, jobs scheduled, claimed and finished by the job runner, retention run daily by its own
 * job), then the everyday workflows run on the full list and their Graph requests are counted.
 * Every request SharePoint would refuse for the threshold (500) or for size (400, 413) is
 * counted; the bench fails unless there are none.
 */
import { z } from 'zod';
import { defineJob, jobRegistry } from '../../src/app/scheduling/job-registry';
import { performance } from 'node:perf_hooks';
import { openSharePointStore } from '../../src/adapters/sharepoint/open-sharepoint-store';
import { provisionSite } from '../../src/adapters/sharepoint/provision';
import {
  HEARINGS,
  HEARING_RESPONSES,
  hearingResponses,
  openHearings,
  responsesId,
} from '../../src/app/hearings/hearing-records';
import { INPUT_ANSWERS, answersId, meetingAnswers } from '../../src/app/input/input-records';
import { MEETINGS, bodyMeetings, findMeeting } from '../../src/app/meetings/meeting-records';
import type { JobHandler } from '../../src/app/scheduling/execute-job';
import { JobRunner } from '../../src/app/scheduling/job-runner';
import { RETENTION, retentionHandler, retentionPayload, scheduleRetention } from '../../src/app/scheduling/retention';
import { JobScheduler } from '../../src/app/scheduling/scheduler';
import { castVoteBallot } from '../../src/app/voting/cast-vote-ballot';
import { closeOpenVote } from '../../src/app/voting/close-open-vote';
import { KeyedLock } from '../../src/app/voting/keyed-lock';
import { SealedBallotBoxes } from '../../src/app/voting/sealed-ballot-boxes';
import { BALLOT_BOXES, VOTES } from '../../src/app/voting/vote-records';
import type { VoteRecord } from '../../src/app/voting/vote-records';
import { emptyBox } from '../../src/domain/ballot';
import { draftVote, openVote } from '../../src/domain/vote';
import type { Clock } from '../../src/ports/clock';
import type { RecordStore } from '../../src/ports/record-store';
import { FakeGraph } from '../../tests/fakes/fake-graph/fake-graph-server';
import { scaledGraph } from '../graph-store-bench';

export const WEEKS = 156;
const MEETINGS_TOTAL = 90;
const CASES_PER_MEETING = 7; // about 600 cases over 90 meetings
const VOTES_TOTAL = 150;
const HEARINGS_TOTAL = 60;
const MUNICIPALITIES = 21;
/** Proactive messages, card updates and reminders: about 8,000 jobs a year. */
const JOBS_PER_DAY = 22;
const DAY_MS = 86_400_000;
const START = Date.parse('2027-01-04T06:00:00.000Z');

export interface WorkflowCount {
  readonly workflow: string;
  readonly httpRequests: number;
  readonly subRequests: number;
  readonly refused: number;
  readonly wallMs: number;
}

export interface ThreeYearsSection {
  readonly weeks: number;
  readonly written: Readonly<Record<string, number>>;
  readonly itemsInList: number;
  readonly largestFirstClause?: number;
  readonly fill: WorkflowCount;
  readonly workflows: WorkflowCount[];
  readonly refusedTotal: number;
  readonly wallMs: number;
}

class BenchClock implements Clock {
  constructor(public at: number) {}
  now(): Date {
    return new Date(this.at);
  }
}

const municipality = (m: number) => `33${String(m).padStart(2, '0')}`;
const entraId = (i: number) => `3f2504e0-4f89-41d3-9a0c-${String(i).padStart(12, '0')}`;
/** What SharePoint refuses for good: the threshold (500) and sizes (400, 413). */
const refusedStatus = (status: number) => status === 500 || status === 400 || status === 413;

export async function runThreeYearsBench(
  progress: (line: string) => void,
  weeks: number = WEEKS,
): Promise<{ section: ThreeYearsSection; failures: string[] }> {
  const failures: string[] = [];
  const fake = await FakeGraph.start();
  const t0 = performance.now();
  try {
    const { graph } = scaledGraph(fake);
    await provisionSite(graph.http, fake.lists.siteId);
    const store: RecordStore = new SealedBallotBoxes(
      openSharePointStore(graph, fake.lists.siteId),
      'the bench ballot key, long enough',
    );
    const clock = new BenchClock(START);
    const scheduler = new JobScheduler(store, clock);
    const noop: JobHandler = async () => undefined;
    const runner = new JobRunner({
      store,
      clock,
      timer: { after: () => () => {} },
      owner: 'bench',
      handlers: jobRegistry(
        defineJob('bench.message', z.unknown(), noop),
        defineJob(RETENTION, retentionPayload, retentionHandler({ store, scheduler, clock })),
      ),
      random: () => 0,
    });
    const lock = new KeyedLock();
    const written: Record<string, number> = {};
    const wrote = (what: string, n = 1) => (written[what] = (written[what] ?? 0) + n);

    const measure = async (workflow: string, work: () => Promise<void>): Promise<WorkflowCount> => {
      const from = fake.requests.length;
      const started = performance.now();
      await work();
      const seen = fake.requests.slice(from);
      return {
        workflow,
        httpRequests: seen.filter((r) => !r.inBatch).length,
        subRequests: seen.filter((r) => r.inBatch).length,
        refused: seen.filter((r) => refusedStatus(r.status)).length,
        wallMs: performance.now() - started,
      };
    };

    const meeting = async (n: number) => {
      const id = `M${String(n).padStart(3, '0')}`;
      const start = new Date(clock.at + 7 * DAY_MS).toISOString();
      await store.create(MEETINGS, id, {
        id,
        bodyId: n % 3 === 0 ? 'representantskapet' : 'styret',
        title: `Møte ${n}`,
        state: 'planned',
        start,
        end: new Date(Date.parse(start) + 3 * 3_600_000).toISOString(),
        location: 'Rådhuset',
        agenda: Array.from({ length: CASES_PER_MEETING }, (_, c) => ({
          caseNumber: { number: n * CASES_PER_MEETING + c, year: 2027 + Math.floor(n / 30) },
          title: `Sak ${c + 1}`,
          proposal: 'Styret slutter seg til forslaget. '.repeat(20),
        })),
      });
      wrote('meetings');
      wrote('cases', CASES_PER_MEETING);
      await Promise.all(
        Array.from({ length: MUNICIPALITIES }, (_, m) =>
          store.create(INPUT_ANSWERS, answersId(id, municipality(m)), {
            meetingId: id,
            municipality: municipality(m),
            answers: [{ version: 1, text: 'Kommunen støtter forslaget. '.repeat(30) }],
          }),
        ),
      );
      wrote('inputAnswers', MUNICIPALITIES);
    };

    const vote = async (n: number, voters: number) => {
      const draft = draftVote({
        id: `V${String(n).padStart(4, '0')}`,
        title: `Votering ${n}`,
        body: 'styret',
        caseNumber: `${n}/2027`,
        settings: n % 4 === 0 ? { secrecy: 'secret', changeAllowed: false } : { secrecy: 'named' },
      });
      if (!draft.ok) throw new Error(draft.error.code);
      const electorate = {
        kind: 'members' as const,
        takenOn: clock.now().toISOString().slice(0, 10),
        voters: Array.from({ length: voters }, (_, i) => ({
          key: entraId(i),
          casters: [entraId(i)],
          ...(i === 0 ? { chair: true } : {}),
        })),
      };
      const opened = openVote(draft.value, electorate, clock.now());
      if (!opened.ok) throw new Error(opened.error.code);
      await store.create<VoteRecord>(VOTES, opened.value.id, { ...opened.value, openedBy: entraId(0) });
      await store.create(BALLOT_BOXES, opened.value.id, emptyBox(opened.value));
      const deps = { store, clock, lock };
      const casts = await Promise.all(
        Array.from({ length: voters }, (_, i) =>
          castVoteBallot(deps, {
            voteId: opened.value.id,
            castBy: entraId(i),
            option: i % 3 === 0 ? 'against' : 'for',
            idempotencyKey: `bench-${opened.value.id}-${i}`,
          }),
        ),
      );
      if (!casts.every((c) => c.ok)) failures.push(`three years: a ballot in ${opened.value.id} was refused`);
      return opened.value.id;
    };

    const hearing = async (n: number) => {
      const id = `H${String(n).padStart(4, '0')}`;
      await store.create(HEARINGS, id, {
        id,
        title: `Høring ${n}`,
        state: 'open',
        internalDeadline: new Date(clock.at + 14 * DAY_MS).toISOString(),
      });
      await Promise.all(
        Array.from({ length: MUNICIPALITIES }, (_, m) =>
          store.create(HEARING_RESPONSES, responsesId(id, municipality(m)), {
            hearingId: id,
            municipality: municipality(m),
            responses: [1, 2].map((version) => ({
              hearingId: id,
              municipality: municipality(m),
              version,
              status: version === 2 ? 'submitted' : 'draft',
              answers: [1, 2].map((q) => ({ questionId: `q${q}`, text: 'Vi har merknader. '.repeat(60) })),
              text: '',
            })),
          }),
        ),
      );
      wrote('hearings');
      wrote('hearingResponses', MUNICIPALITIES);
      return id;
    };

    // Three years, week by week; each day's messages go out and retention runs each night.
    let jobN = 0;
    const fill = await measure(`fill ${weeks} weeks`, async () => {
      await scheduleRetention(scheduler, clock);
      for (let week = 0; week < weeks; week++) {
        if (Math.floor(((week + 1) * MEETINGS_TOTAL) / WEEKS) > Math.floor((week * MEETINGS_TOTAL) / WEEKS))
          await meeting(Math.floor((week * MEETINGS_TOTAL) / WEEKS));
        if (Math.floor(((week + 1) * HEARINGS_TOTAL) / WEEKS) > Math.floor((week * HEARINGS_TOTAL) / WEEKS))
          await hearing(Math.floor((week * HEARINGS_TOTAL) / WEEKS));
        if (Math.floor(((week + 1) * VOTES_TOTAL) / WEEKS) > Math.floor((week * VOTES_TOTAL) / WEEKS)) {
          const id = await vote(Math.floor((week * VOTES_TOTAL) / WEEKS), MUNICIPALITIES);
          await closeOpenVote({ store, clock, lock }, id, entraId(0));
          wrote('votes');
        }
        for (let day = 0; day < 7; day++) {
          await Promise.all(
            Array.from({ length: JOBS_PER_DAY }, () =>
              scheduler.schedule({
                id: `bench-${++jobN}`,
                kind: 'bench.message',
                dueAt: clock.now().toISOString(),
                payload: { n: jobN },
              }),
            ),
          );
          wrote('jobs', JOBS_PER_DAY);
          await runner.runDue();
          clock.at += DAY_MS;
          await runner.runDue(); // the night's retention
        }
        if (week % 26 === 25) progress(`bench: three years, week ${week + 1} of ${weeks}`);
      }
    });

    // The everyday workflows on three years of records.
    const workflows: WorkflowCount[] = [];
    workflows.push(
      await measure('møter: a body’s meetings, and the next one', async () => {
        await bodyMeetings(store, 'styret');
        await findMeeting(store, '', clock.now());
      }),
    );
    workflows.push(await measure('plan a meeting (and its 21 input requests)', () => meeting(MEETINGS_TOTAL)));
    workflows.push(
      await measure('input for a meeting: all answers', async () => {
        if ((await meetingAnswers(store, 'M090')).length !== MUNICIPALITIES)
          failures.push('three years: the new meeting’s answers were not all read');
      }),
    );
    workflows.push(
      await measure('register a hearing and its 21 responses', async () => {
        await hearing(HEARINGS_TOTAL);
      }),
    );
    workflows.push(
      await measure('open hearings, and one hearing’s responses', async () => {
        await openHearings(store);
        if (
          (await hearingResponses(store, `H${String(HEARINGS_TOTAL).padStart(4, '0')}`)).length !==
          2 * MUNICIPALITIES
        )
          failures.push('three years: the new hearing’s responses were not all read');
      }),
    );
    workflows.push(
      await measure('open a vote and cast 21 ballots', async () => {
        await vote(VOTES_TOTAL, MUNICIPALITIES);
      }),
    );
    workflows.push(
      await measure('a job runner pass with 22 messages due', async () => {
        await Promise.all(
          Array.from({ length: JOBS_PER_DAY }, () =>
            scheduler.schedule({
              id: `bench-${++jobN}`,
              kind: 'bench.message',
              dueAt: clock.now().toISOString(),
              payload: {},
            }),
          ),
        );
        const summary = await runner.runDue();
        if (summary.done < JOBS_PER_DAY) failures.push(`three years: the runner's pass finished ${summary.done} jobs`);
      }),
    );
    workflows.push(
      await measure('a job runner pass with nothing due', async () => {
        await runner.runDue();
      }),
    );
    workflows.push(
      await measure('the nightly retention', async () => {
        clock.at += DAY_MS;
        await runner.runDue();
      }),
    );

    const items = [...fake.lists.list('SamradRecords')!.items.values()];
    const byClause = new Map<string, number>();
    for (const i of items)
      for (const column of [
        'FilterState',
        'FilterKind',
        'FilterBodyId',
        'FilterFinishedDay',
        'FilterMeetingId',
        'FilterHearingId',
      ]) {
        // Text columns: the fake holds text in them, or null once the store has cleared a copy.
        const value = i.fields[column];
        if (typeof value === 'string' || value === null) {
          const key = `${column}=${String(value)}`;
          byClause.set(key, (byClause.get(key) ?? 0) + 1);
        }
      }
    const refusedTotal = fake.requests.filter((r) => refusedStatus(r.status)).length;
    if (refusedTotal > 0) failures.push(`three years: ${refusedTotal} requests refused by the threshold or by size`);
    return {
      section: {
        weeks,
        written,
        itemsInList: items.length,
        largestFirstClause: Math.max(...byClause.values()),
        fill,
        workflows,
        refusedTotal,
        wallMs: performance.now() - t0,
      },
      failures,
    };
  } finally {
    await fake.close();
  }
}
