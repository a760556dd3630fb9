/**
 * One real hearing through the real composition, for the hearing benchmarks: the coordinator
 * registers it with the form's button (`hearing.register`, an invoke over HTTP), the JobRunner
 * runs the distribution job and the outbox through TeamsMessenger and its ProactiveSender to a
 * fake connector; respondents submit with the card's button (`hearing.submit`); the
 * coordinator compiles (`hearing.compile`) and downloads the DOCX through its signed link.
 */
import { performance } from 'node:perf_hooks';
import { composeSamrad } from '../src/compose';
import type { Samrad } from '../src/compose';
import { cardJobId } from '../src/app/hearings/distribute-hearing';
import { distributeJobId } from '../src/app/hearings/hearing-jobs';
import type { RecordStore } from '../src/ports/record-store';
import type { Activity } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { ConversationRecord } from '../src/app/remember-conversation';
import type { Job } from '../src/app/scheduling/job';
import { JOBS } from '../src/app/scheduling/job';
import { cardAction, message, TEAM_ID, TENANT } from '../tests/fixtures/activities';
import { FakeConnector } from '../tests/fixtures/fake-connector';
import { temporaryLocalConfig } from '../tests/fixtures/local-config';
import { arrivals, waitForJobs } from '../tests/fixtures/proactive-fixtures';
import { documentXml } from '../tests/unit/exports/read-docx';
import { RUN_TIMEOUT_MS } from './delivery-bench';
import { hearingOrganisation } from './hearing-organisation';
import type { HearingOrganisation } from './hearing-organisation';
import { harnessControls, problemCountingLogger } from './problem-log';

export interface HearingUnderBench {
  readonly samrad: Samrad;
  readonly connector: FakeConnector;
  readonly org: HearingOrganisation;
  /** POSTs an activity to Samråd; resolves with the response body, rejects on a non-200. */
  post(activity: object): Promise<string>;
  takeProblems(): Map<string, number>;
  close(): Promise<void>;
}

/** Where job states are read while waiting: the store itself, or (on the fake Graph) around it, so waiting adds no Graph requests. */
export type JobReader = Pick<RecordStore, 'find'>;

const channel = { kind: 'channel' as const };
const ANSWER_PATTERN = /Høring ([A-Z0-9]{5}) er registrert/;

/**
 * Samråd with a generated organisation of `size` municipalities, every respondent's and
 * deputy's personal chat stored as an installation stores it, and the secretariat's channel
 * remembered (the coordinator wrote there), so the distribution's notice has a place to go.
 */
export async function startHearingSamrad(
  size: number,
  options: { store?: RecordStore } = {},
): Promise<HearingUnderBench> {
  const org = hearingOrganisation(size);
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const config = temporaryLocalConfig({
    prefix: 'samrad-hearing-bench-',
    logLevel: 'error',
    organisationYaml: org.yaml,
  });
  const { problems, log } = problemCountingLogger();
  const samrad = await composeSamrad(config, { log, ...(options.store && { store: options.store }) });
  const harness = harnessControls(problems, samrad, config.dir);
  const url = await samrad.listen();
  const post = async (activity: object): Promise<string> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status} from Samråd: ${body.slice(0, 200)}`);
    return body;
  };
  await storeChatsAsUsed(samrad.store, serviceUrl, org);
  await post(message(serviceUrl, org.coordinator, 'hjelp', channel));
  await settleStartupJobs(samrad.store);
  connector.clear();
  return {
    samrad,
    connector,
    org,
    post,
    takeProblems: harness.takeProblems,
    close: async () => {
      await harness.close();
      await connector.stop();
    },
  };
}

/**
 * Each respondent's and deputy's personal chat as the Teams adapter stores it from a turn in it
 * (the reference kept exactly as from their own activity, so a press there rewrites nothing),
 * and their Teams user id as an earlier turn stored it: the people a hearing goes to have used
 * Samråd before, and a response is measured as such a person gives it, not as a first contact.
 */
async function storeChatsAsUsed(store: RecordStore, serviceUrl: string, org: HearingOrganisation): Promise<void> {
  for (const r of org.respondents) {
    const activity = message(serviceUrl, r.person, '', personal(r));
    const reference = {
      ...TurnContext.getConversationReference(activity as unknown as Partial<Activity>),
      activityId: undefined,
    };
    const record: ConversationRecord = {
      kind: 'personal',
      tenantId: TENANT,
      aadObjectId: r.person.aadObjectId!,
      installed: true,
      reference: JSON.parse(JSON.stringify(reference)) as unknown,
      updated: new Date().toISOString(),
    };
    await store.create('conversations', r.conversationId, record);
    await store.create('teamsUsers', r.memberId, { memberId: r.memberId, userId: r.person.id });
  }
}

/** A respondent's personal chat: where her card was delivered and where she presses. */
const personal = (r: HearingOrganisation['respondents'][number]) => ({
  kind: 'personal' as const,
  conversationId: r.conversationId,
});

/**
 * The jobs a start schedules for now (retention, the board check) run before any step is
 * measured: the daily retention pass is not part of distributing a hearing.
 */
async function settleStartupJobs(store: RecordStore): Promise<void> {
  const until = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const now = new Date().toISOString();
    const due = (await store.find<Job>(JOBS)).filter(
      (j) => (j.value.state === 'pending' && j.value.dueAt <= now) || j.value.state === 'claimed',
    );
    if (due.length === 0 || Date.now() > until) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** In the future, so the hearing is accepted and no reminder falls due while the bench runs. */
const form = (now: Date) => ({
  lang: 'nb',
  title: 'Forslag om endringer i helseberedskapsloven',
  issuer: 'Helse- og omsorgsdepartementet',
  externalDeadline: new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
  internalDeadline: '',
  documents: 'https://www.regjeringen.no/horing.pdf',
  questions: 'Er forslaget godt nok utredet?\nHva betyr forslaget for kommunens beredskap?',
  municipalities: '',
  background: 'Forslaget gir kommunene nye plikter i beredskapsplanleggingen.',
  reminders: '5, 2, 0',
});

export interface Distribution {
  readonly hearingId: string;
  /** From the coordinator's press until every card and the notice were sent. */
  readonly wallMs: number;
  /** Respondents and deputies, one card each, plus the channel's two messages (the coordinator's card and the notice). */
  readonly expected: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly failedJobs: number;
  readonly wrong: string[];
}

/**
 * Registers one hearing to every municipality and waits until it is distributed. The runner
 * polls every 5 s; it is woken after the press and after the distribution job instead, as a
 * runner that polls again at once after scheduling work would be.
 */
export async function distributeOneHearing(h: HearingUnderBench, jobs: JobReader): Promise<Distribution> {
  const start = performance.now();
  const registered = await h.post(
    cardAction(h.connector.url, h.org.coordinator, 'hearing.register', form(new Date()), channel),
  );
  const hearingId = ANSWER_PATTERN.exec(registered)?.[1];
  if (!hearingId) throw new Error(`the hearing was not registered: ${registered.slice(0, 300)}`);
  h.samrad.jobs.wake();
  await waitForJobs(jobs, [distributeJobId(hearingId)], RUN_TIMEOUT_MS);
  h.samrad.jobs.wake();
  const ids = [
    ...h.org.respondents.map((r) => cardJobId(hearingId, r.municipality, r.memberId)),
    `hearing-notice:${hearingId}`,
  ];
  const done = await waitForJobs(jobs, ids, RUN_TIMEOUT_MS);
  const wallMs = performance.now() - start;

  const { lost, duplicated } = arrivals(
    h.connector,
    h.org.respondents.map((r) => r.conversationId),
    (s) => s.conversationId,
  );
  const inChannel = h.connector.sent.filter((s) => s.conversationId === TEAM_ID).length;
  const failedJobs = [...done.values()].filter((j) => j.state !== 'done').length;
  const wrong = [
    ...(inChannel !== 2
      ? [`${inChannel} messages in the secretariat's channel, expected the coordinator's card and one notice`]
      : []),
    ...[...h.takeProblems()].map(([event, n]) => `${n} × ${event} logged`),
  ];
  return {
    hearingId,
    wallMs,
    expected: h.org.respondents.length + 2,
    lost: lost.length,
    duplicated: duplicated.length,
    failedJobs,
    wrong,
  };
}

const POSITIONS = ['agree', 'agree-with-remarks', 'disagree', 'no-comment'];
const answerText = (municipality: string, q: number) => `Kommune ${municipality} svarer på spørsmål ${q}.`;

/**
 * Each municipality's respondent submits once with the card's button, one after another (answers
 * come in over days, not at one moment). Every submit must be accepted, and the coordinator's
 * card must come to show every municipality answered.
 */
export async function respondAll(h: HearingUnderBench, hearingId: string): Promise<string[]> {
  const wrong: string[] = [];
  const respondents = h.org.respondents.filter((r) => r.role === 'respondent');
  for (const [i, r] of respondents.entries()) {
    const data = {
      lang: 'nb',
      hearingId,
      version: 1,
      municipality: r.municipality,
      position: POSITIONS[i % POSITIONS.length],
      'answer-0': answerText(r.municipality, 1),
      'answer-1': answerText(r.municipality, 2),
      text: '',
      links: '',
    };
    const body = await h.post(cardAction(h.connector.url, r.person, 'hearing.submit', data, personal(r)));
    if (!body.includes('Høringssvaret er sendt inn'))
      wrong.push(`${r.municipality}: submit not accepted: ${body.slice(0, 200)}`);
  }
  // The coordinator's card is refreshed behind the answers, paced: the step ends when it shows them all.
  const all = `${respondents.length} av ${respondents.length} har svart`;
  const until = Date.now() + RUN_TIMEOUT_MS;
  while (!JSON.stringify(h.connector.updated.at(-1)?.activity ?? {}).includes(all) && Date.now() < until)
    await new Promise((r) => setTimeout(r, 20));
  if (!JSON.stringify(h.connector.updated.at(-1)?.activity ?? {}).includes(all))
    wrong.push(`the coordinator's card does not end with "${all}"`);
  return [...wrong, ...[...h.takeProblems()].map(([event, n]) => `${n} × ${event} logged`)];
}

/** The coordinator presses "compile": the statement card, with its DOCX link, is posted to the channel. */
export async function compileStatement(
  h: HearingUnderBench,
  hearingId: string,
): Promise<{ docxUrl: string; wrong: string[] }> {
  h.connector.clear();
  await h.post(cardAction(h.connector.url, h.org.coordinator, 'hearing.compile', { lang: 'nb', hearingId }, channel));
  const posted = JSON.stringify(h.connector.sent.filter((s) => s.conversationId === TEAM_ID).at(-1)?.activity ?? {});
  const link = /"url":"([^"]+uttalelse\.docx[^"]+)"/.exec(posted)?.[1];
  const n = h.org.municipalities.length;
  const wrong = [
    ...(posted.includes(`${n} av ${n} har svart`) ? [] : [`the statement card does not count ${n} of ${n} answered`]),
    ...(link ? [] : ['no DOCX link on the statement card']),
  ];
  return { docxUrl: link ? (JSON.parse(`"${link}"`) as string) : '', wrong };
}

/** Downloads the DOCX (made when downloaded) and checks every municipality's answer is in it. */
export async function downloadStatement(h: HearingUnderBench, docxUrl: string): Promise<string[]> {
  const res = await fetch(docxUrl);
  if (res.status !== 200) return [`the DOCX download answered ${res.status}`];
  const xml = documentXml(Buffer.from(await res.arrayBuffer()));
  const missing = h.org.municipalities.filter(
    (m) => !xml.includes(answerText(m, 1)) || !xml.includes(answerText(m, 2)),
  );
  return missing.length > 0
    ? [`the DOCX lacks the answers of ${missing.length} municipalities, e.g. ${missing[0]}`]
    : [];
}
