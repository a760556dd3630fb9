import { z } from 'zod';
import { latestAnswer } from '../../domain/input';
import type { InputRequest } from '../../domain/input-request';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { coordinators, municipalityName, respondentsOf } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { SignedLinks } from '../exports/signed-links';
import { bodyChannel } from '../meetings/announcement-records';
import { MEETINGS } from '../meetings/meeting-records';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler, JobSpec } from '../scheduling/scheduler';
import { inputCardsFollow } from './live-input-cards';
import { loadRequest, meetingAnswers } from './input-records';
import { inputSummaryCard } from './input-summary-card';
import { archiveBasisDocument } from '../archive/archive-triggers';

/*
 * The input request's life after it is planned: the cards go out at the lead time, those who
 * have not answered are reminded, and the summary is posted at the deadline. Each job names
 * the instant it was planned for; a request planned again (another deadline, a moved
 * meeting) leaves the old jobs finding a different instant, and they do nothing.
 */
export const INPUT_SEND = 'input.send';
export const INPUT_REMIND = 'input.remind';
export const INPUT_SUMMARY = 'input.summary';

/** The posted summary is read in the days before the pre-meeting. */
const POSTED_LINK_LIFETIME_MS = 7 * 24 * 60 * 60_000;

export interface InputJobPayload {
  readonly meetingId: string;
  readonly at: string;
}

export const inputJobPayload: z.ZodType<InputJobPayload> = z.object({ meetingId: z.string(), at: z.string() });

export function inputJobs(request: InputRequest): JobSpec<InputJobPayload>[] {
  const job = (kind: string, at: string): JobSpec<InputJobPayload> => ({
    id: `${kind}:${request.meetingId}:${at}`,
    kind,
    dueAt: at,
    payload: { meetingId: request.meetingId, at },
  });
  return [
    job(INPUT_SEND, request.sendAt),
    ...request.reminders.map((at) => job(INPUT_REMIND, at)),
    job(INPUT_SUMMARY, request.deadline),
  ];
}

export async function scheduleInputJobs(scheduler: JobScheduler, request: InputRequest): Promise<void> {
  await scheduler.scheduleMany(inputJobs(request));
}

export interface InputJobDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
  readonly links: SignedLinks;
  readonly organisation: () => Organisation;
  readonly t: Translator;
}

/** The request and meeting if this job is still the one they plan; else nothing to do. */
async function current(deps: InputJobDeps, payload: InputJobPayload, planned: (r: InputRequest) => readonly string[]) {
  const request = await loadRequest(deps.store, payload.meetingId);
  const meeting = (await deps.store.get<Meeting>(MEETINGS, payload.meetingId))?.value;
  if (!request || meeting?.state !== 'planned' || !planned(request).includes(payload.at)) return undefined;
  return { request, meeting };
}

/** One message per respondent of each municipality still owing an answer (or all, for the cards). */
async function toRespondents(
  deps: InputJobDeps,
  kind: string,
  payload: InputJobPayload,
  municipalities: readonly string[],
  message: (municipality: string) => ReturnType<typeof text>,
): Promise<void> {
  const org = deps.organisation();
  const chats = await personalChats(deps.store);
  const jobs = [];
  for (const municipality of municipalities) {
    for (const person of respondentsOf(org, municipality).filter((p) =>
      p.respondentFor.some((r) => r.municipality === municipality && r.role === 'respondent'),
    )) {
      const chat = await chats.of(person);
      if (chat)
        jobs.push(
          messageJob(
            `${kind}:${payload.meetingId}:${payload.at}:${municipality}:${person.id}`,
            { conversationId: chat, message: message(municipality) },
            deps.clock.now(),
          ),
        );
    }
  }
  await deps.scheduler.scheduleMany(jobs);
}

/** At the lead time: one card per respondent and municipality, or (planned again) the cards already out updated. */
export function sendInputCards(deps: InputJobDeps): JobHandler<InputJobPayload> {
  return async ({ job }) => {
    const found = await current(deps, job.payload, (r) => [r.sendAt]);
    if (!found) return;
    await inputCardsFollow(deps, found.meeting, found.request);
  };
}

export function remindAboutInput(deps: InputJobDeps): JobHandler<InputJobPayload> {
  return async ({ job }) => {
    const found = await current(deps, job.payload, (r) => r.reminders);
    if (!found) return;
    const org = deps.organisation();
    const answers = await meetingAnswers(deps.store, found.meeting.id);
    const missing = found.request.municipalities.filter(
      (m) => latestAnswer(answers, found.meeting.id, m)?.status !== 'submitted',
    );
    const deadline = formatDateTime(new Date(found.request.deadline), deps.t.locale);
    await toRespondents(deps, 'input-reminder', job.payload, missing, (m) =>
      text(
        deps.t.t('input.reminder', {
          municipality: municipalityName(org, m),
          title: found.meeting.title,
          deadline,
          id: found.meeting.id,
        }),
      ),
    );
  };
}

/** At the deadline: the summary to the body's channel, or to the coordinators when it has none. */
export function postInputSummary(deps: InputJobDeps): JobHandler<InputJobPayload> {
  return async ({ job }) => {
    const found = await current(deps, job.payload, (r) => [r.deadline]);
    if (!found) return;
    const org = deps.organisation();
    const now = deps.clock.now();
    const answers = await meetingAnswers(deps.store, found.meeting.id);
    const library = await archiveBasisDocument(deps, found.meeting, found.request, answers);
    const file = (ext: string) =>
      deps.links.link(`/exports/${found.meeting.id}/grunnlag.${ext}`, now, POSTED_LINK_LIFETIME_MS) +
      `&lang=${deps.t.locale}`;
    const summary = inputSummaryCard(org, deps.t, found.meeting, found.request, answers, {
      docx: file('docx'),
      markdown: file('md'),
      library,
    });
    const channel = await bodyChannel(deps.store, found.meeting.bodyId);
    const chats = await personalChats(deps.store);
    const targets = channel
      ? [channel.conversationId]
      : (await Promise.all(coordinators(org).map((c) => chats.of(c)))).filter((c) => c !== undefined);
    await deps.scheduler.scheduleMany(
      targets.map((conversationId) =>
        messageJob(
          `input-summary-post:${found.meeting.id}:${job.payload.at}:${conversationId}`,
          { conversationId, message: summary },
          now,
        ),
      ),
    );
  };
}
