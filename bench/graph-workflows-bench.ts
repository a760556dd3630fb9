/**
 * Graph requests of two more workflows on Microsoft 365 (issue 13 part 4), on the fake Graph
 * without throttling, counted not timed: planning a meeting with its formøte (the press, then
 * the jobs that put both Teams meetings in the organiser's calendar), and a vote of 356 voters
 * on the SharePoint store (every ballot pressed at once, as a board votes when the chair asks).
 */
import { openSharePointStore } from '../src/adapters/sharepoint/open-sharepoint-store';
import { provisionSite } from '../src/adapters/sharepoint/provision';
import type { BallotBox } from '../src/domain/ballot';
import { composeSamrad } from '../src/compose';
import { cardAction, installation, people } from '../tests/fixtures/activities';
import { planBoardMeeting } from '../tests/fixtures/board-meeting';
import { organiser, startBotOnFakeGraph } from '../tests/fixtures/bot-on-fake-graph';
import { FakeConnector } from '../tests/fixtures/fake-connector';
import { temporaryLocalConfig } from '../tests/fixtures/local-config';
import { FakeGraphCalendar } from '../tests/fakes/fake-graph/calendar-routes';
import { FakeGraph } from '../tests/fakes/fake-graph/fake-graph-server';
import type { RecordedRequest } from '../tests/fakes/fake-graph/fake-graph-server';
import { idleTimer } from '../tests/unit/scheduling/scheduling-fixtures';
import { boardOrganisation } from './board-organisation';
import type { GraphStoreRun } from './graph-store-bench';
import { graphRunRows, scaledGraph } from './graph-store-bench';
import { harnessControls, problemCountingLogger } from './problem-log';

export interface GraphWorkflowsSection {
  readonly runs: GraphStoreRun[];
}

export const VOTERS = 356;
export const MEETING_STEP = 'plan a meeting with its formøte (meeting.create and its jobs)';
export const voteStep = (voters: number): string => `cast ${voters} ballots (vote.cast, all at once)`;

const run = (step: string, seen: readonly RecordedRequest[], wallMs: number, records: number): GraphStoreRun => ({
  step,
  throttledShare: 0,
  httpRequests: seen.filter((r) => !r.inBatch).length,
  subRequests: seen.filter((r) => r.inBatch).length,
  throttled: seen.filter((r) => r.status === 429).length,
  retryAfterAskedS: 0,
  wallMs,
  records,
});

const channel = { kind: 'channel' as const };

/**
 * A board of `voters` on the SharePoint store: the coordinator opens a vote, then every member
 * presses at once. Counted from the first press until the last answer (the shared card's
 * update is a paced job, not run here). Each ballot must be in the box exactly once.
 */
export async function voteOnGraph(voters: number): Promise<{ run: GraphStoreRun; wrong: string[] }> {
  const fake = await FakeGraph.start();
  const { graph } = scaledGraph(fake);
  await provisionSite(graph.http, fake.lists.siteId);
  const org = boardOrganisation(voters);
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const config = temporaryLocalConfig({ prefix: 'samrad-vote-graph-', logLevel: 'error', organisationYaml: org.yaml });
  const { problems, log } = problemCountingLogger();
  const store = openSharePointStore(graph, fake.lists.siteId);
  const samrad = await composeSamrad(config, { log, store });
  const harness = harnessControls(problems, samrad, config.dir);
  const url = await samrad.listen();
  const post = async (activity: object) =>
    (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      })
    ).text();
  try {
    const opened = await post(
      cardAction(serviceUrl, org.coordinator, 'vote.open', { title: 'Benkemåling', body: 'styret' }, channel),
    );
    const voteId = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened)?.[1];
    if (!voteId) return { run: run(voteStep(voters), [], 0, 0), wrong: [`vote.open: ${opened.slice(0, 200)}`] };
    // What the start logged (a store slow to answer its first schedule) is not the vote's.
    harness.takeProblems();
    const from = fake.requests.length;
    const t0 = performance.now();
    const answers = await Promise.all(
      org.voters.map((v) => post(cardAction(serviceUrl, v, 'vote.cast', { voteId, option: 'for' }, channel))),
    );
    const wallMs = performance.now() - t0;
    const seen = fake.requests.slice(from);
    const box = (await store.get<BallotBox>('ballotBoxes', voteId))?.value;
    const ballots = box?.secrecy === 'named' ? box.ballots.length : -1;
    const wrong = [
      ...(answers.every((a) => a.includes('Du har stemt: For')) ? [] : ['a voter did not get her own card']),
      ...(ballots === voters ? [] : [`${ballots} ballots in the box, ${voters} cast`]),
      ...[...harness.takeProblems()].map(([event, n]) => `${n} × ${event} logged`),
    ];
    return { run: run(voteStep(voters), seen, wallMs, voters), wrong };
  } finally {
    await harness.close();
    await connector.stop();
    await fake.close();
  }
}

/**
 * Planning one board meeting with its formøte, online, on Microsoft 365: the store on the
 * SharePoint list, both events in the organiser's calendar as Teams meetings. Counted from the
 * coordinator's press until the runner has nothing more to do (its idle polls after are not).
 */
export async function meetingOnGraph(): Promise<{ run: GraphStoreRun; wrong: string[] }> {
  const now = new Date('2026-11-23T10:00:00Z');
  const fake = await FakeGraph.start({ driveId: 'b!docs', routes: [new FakeGraphCalendar()] });
  await provisionSite(scaledGraph(fake).graph.http, fake.lists.siteId);
  const bot = await startBotOnFakeGraph(fake, { organiser }, { clock: { now: () => now }, timer: idleTimer });
  try {
    for (const p of [people.coordinator, people.boardMember, people.respondent])
      await bot.post(installation(bot.connector.url, p));
    // The start's own jobs (retention, the board check) are not part of planning a meeting.
    while ((await bot.samrad.jobs.runDue(now)).done > 0);
    const from = fake.requests.length;
    const t0 = performance.now();
    const res = await planBoardMeeting(bot);
    let idleFrom = fake.requests.length;
    for (;;) {
      const pass = await bot.samrad.jobs.runDue(now);
      if (pass.done + pass.retried + pass.failed === 0) break;
      idleFrom = fake.requests.length;
    }
    const wallMs = performance.now() - t0;
    const seen = fake.requests.slice(from, idleFrom);
    const events = seen.filter((r) => r.method === 'POST' && r.path.endsWith('/events')).length;
    const wrong = [
      ...(res.status === 200 ? [] : [`meeting.create answered ${res.status}`]),
      ...(events === 2 ? [] : [`${events} calendar events created, expected the meeting and its formøte`]),
    ];
    return { run: run(MEETING_STEP, seen, wallMs, 1), wrong };
  } finally {
    await bot.stop();
    await fake.close();
  }
}

export async function runGraphWorkflowsBench(
  progress: (line: string) => void,
): Promise<{ section: GraphWorkflowsSection; failures: string[] }> {
  const failures: string[] = [];
  const runs: GraphStoreRun[] = [];
  for (const [name, work] of [
    ['planning a meeting on Graph', meetingOnGraph],
    [`a vote of ${VOTERS} on Graph`, () => voteOnGraph(VOTERS)],
  ] as const) {
    try {
      const { run: r, wrong } = await work();
      runs.push(r);
      failures.push(...wrong.map((w) => `${name}: ${w}`));
    } catch (e) {
      failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    progress(`bench: ${name}, done`);
  }
  return { section: { runs }, failures };
}

export function graphWorkflowLines(s: GraphWorkflowsSection): string[] {
  return [
    '## Planning a meeting and a vote of 356 on Microsoft 365 through Graph',
    '',
    "The fake Graph (SharePoint list and the organiser's calendar), without throttling; counted as above. " +
      "**Planning**: the coordinator's `meeting.create` for an online board meeting, then the runner's passes until nothing is left (the meeting's and the formøte's Teams meetings in the calendar); its idle polls after are not counted. " +
      `**Vote**: a board of ${VOTERS} on the SharePoint store; the coordinator opens a named vote in the channel, then every member presses \`vote.cast\` at once; counted from the first press to the last answer. The bench fails unless every ballot is in the box once and every voter got her own card.`,
    '',
    ...graphRunRows(s.runs, 'Items'),
    '',
  ];
}
