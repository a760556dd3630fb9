import type { HearingResponse, QuestionAnswer } from '../../domain/hearing-response';
import { countingResponse, respondingFor, respondToHearing } from '../../domain/hearing-response';
import type { DomainError } from '../../domain/result';
import { upsert } from '../../ports/record-store';
import type { CardActionContext, CardActionOutcome } from '../card-action';
import { text } from '../reply';
import { errorText } from '../error-text';
import { refusal as refusalNotice, success } from '../notice';
import { hearingCard } from './hearing-card';
import type { ResponseField } from './hearing-card';
import type { HearingDeps } from './hearing-jobs';
import type { HearingRecord, ResponseHistory } from './hearing-records';
import { HEARING_RESPONSES, hearingResponses, loadHearing, responsesId } from './hearing-records';
import { coordinatorRefresh, hearingStatusCard } from './hearing-status';

const field = (data: Readonly<Record<string, unknown>>, key: string): string =>
  typeof data[key] === 'string' ? data[key] : '';

/** What the card sent, read against the hearing's questions (the version checks it is the same hearing). */
function answersFrom(h: HearingRecord, data: Readonly<Record<string, unknown>>): QuestionAnswer[] {
  return h.questions.map((q, n) => ({ questionId: q.id, text: field(data, `answer-${n}`) }));
}

/** The coordinator's card in the channel shows the new count; failing that is logged, not undone. */
export async function refreshPostedCard(deps: HearingDeps, hearingId: string): Promise<void> {
  const h = await loadHearing(deps.store, hearingId);
  if (!h?.posted || !deps.messenger) return;
  const t = deps.translator(h.locale ?? 'nb');
  const org = deps.organisation();
  // Posted where everyone sees it: neutral, and refreshed into the coordinators' own view.
  const card = hearingStatusCard(
    org,
    t,
    h,
    await hearingResponses(deps.store, h.id),
    '',
    await coordinatorRefresh(deps.store, org),
  );
  await deps.messenger.update(h.posted.conversationId, h.posted.activityId, card).catch((error: Error) => {
    deps.warn?.('hearing.card-update-failed', { hearingId, error: error.message });
  });
}

interface Refresh {
  again: boolean;
  readonly done: Promise<void>;
}
/** Per composition (its hearing deps) and hearing: the refresh of the coordinator's card now running. */
const refreshing = new WeakMap<HearingDeps, Map<string, Refresh>>();

/**
 * Refreshes the coordinator's card without the respondent waiting for it. Teams lets the bot
 * update one conversation 60 times in 30 s, so when answers arrive together the update waits
 * its turn in the paced sender: awaited in the invoke, 356 submits one after another took
 * 166 s (npm run bench), and with dozens answering at once a press would wait past Teams'
 * 5 s invoke limit.
 * Coalesced per hearing: while one refresh runs, any number of requests add one more, which
 * reads the responses when it starts, so the card ends showing the latest count.
 */
export function refreshPostedCardSoon(deps: HearingDeps, hearingId: string): Promise<void> {
  const byHearing = refreshing.get(deps) ?? new Map<string, Refresh>();
  refreshing.set(deps, byHearing);
  const running = byHearing.get(hearingId);
  if (running) {
    running.again = true;
    return running.done;
  }
  const run = async (): Promise<void> => {
    try {
      do {
        refresh.again = false;
        await refreshPostedCard(deps, hearingId).catch((error: Error) =>
          deps.warn?.('hearing.card-update-failed', { hearingId, error: error.message }),
        );
      } while (refresh.again);
    } finally {
      byHearing.delete(hearingId);
    }
  };
  // Registered before it starts, so a request made while it runs always finds it.
  const refresh: Refresh = { again: false, done: Promise.resolve().then(run) };
  byHearing.set(hearingId, refresh);
  return refresh.done;
}

/**
 * Saves a draft or submits, as one more version in the municipality's record (written under its
 * eTag, so two people submitting at once are both kept in order). The card comes back with the
 * latest version and what happened; a refused card comes back as it was typed, nothing saved.
 */
export async function answerHearing(
  deps: HearingDeps,
  ctx: CardActionContext,
  status: 'draft' | 'submitted',
): Promise<CardActionOutcome> {
  const hearingId = field(ctx.data, 'hearingId');
  const h = await loadHearing(deps.store, hearingId);
  if (!h) return { respond: text(ctx.t.t('error.HEARING.UNKNOWN', { id: hearingId })) };
  const municipality = field(ctx.data, 'municipality') || undefined;
  const now = deps.clock.now();
  const who = respondingFor(h, ctx.org, ctx.actor.member.id, municipality);
  if (!who.ok) return { respond: text(errorText(ctx.t, who.error)) };
  const submission = {
    hearingId: h.id,
    givenBy: ctx.actor.member.id,
    municipality: who.value.municipality,
    hearingVersion: Number(ctx.data.version),
    status,
    idempotencyKey: ctx.actionId,
    position: field(ctx.data, 'position'),
    answers: answersFrom(h, ctx.data),
    text: field(ctx.data, 'text'),
    documents: field(ctx.data, 'links').split(/\s+/).filter(Boolean),
  };
  let refusal: DomainError | undefined;
  let recorded = false;
  let late = false;
  await upsert<ResponseHistory>(deps.store, HEARING_RESPONSES, responsesId(h.id, who.value.municipality), (current) => {
    const given = respondToHearing(h, current?.responses ?? [], ctx.org, submission, now);
    refusal = given.ok ? undefined : given.error;
    recorded = given.ok && given.value.recorded;
    late = given.ok && given.value.response.late;
    return given.ok && given.value.recorded
      ? { hearingId: h.id, municipality: who.value.municipality, responses: given.value.responses }
      : undefined;
  });
  const responses = await hearingResponses(deps.store, h.id);
  // A draft shows on the coordinator's card too ("Utkast"), so any recorded change refreshes it.
  if (recorded) void refreshPostedCardSoon(deps, h.id);
  if (refusal) {
    // Refused: the card comes back as typed (answers of up to 4,000 characters are not retyped),
    // with the reason beside the field it concerns.
    const typed = {
      position: submission.position,
      text: submission.text,
      links: field(ctx.data, 'links'),
      answers: h.questions.map((_, n) => field(ctx.data, `answer-${n}`)),
    };
    return {
      respond: hearingCard(
        ctx.org,
        ctx.t,
        h,
        who.value.municipality,
        responses,
        now,
        refusalNotice(errorText(ctx.t, refusal)),
        { typed, field: fieldOf(refusal) },
      ),
    };
  }
  return {
    respond: hearingCard(
      ctx.org,
      ctx.t,
      h,
      who.value.municipality,
      responses,
      now,
      success(ctx.t.t(doneKey(status, late, responses, h.id, who.value.municipality))),
    ),
  };
}

/** The field a refusal is about, so the card says it there. */
function fieldOf(e: DomainError): ResponseField | undefined {
  if (e.code === 'HEARING.POSITION_REQUIRED' || e.code === 'HEARING.BAD_POSITION') return 'position';
  if (e.code === 'HEARING.BAD_LINK' || e.code === 'HEARING.TOO_MANY_LINKS') return 'links';
  return undefined;
}

/** A draft saved after a submitted answer is a draft of a change: the message says the answer still counts. */
function doneKey(
  status: 'draft' | 'submitted',
  late: boolean,
  responses: readonly HearingResponse[],
  hearingId: string,
  municipality: string,
): string {
  if (status === 'submitted') return late ? 'hearing.submitted-late' : 'hearing.submitted';
  return countingResponse(responses, hearingId, municipality) ? 'hearing.saved-revision' : 'hearing.saved';
}
