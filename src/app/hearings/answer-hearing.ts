import type { HearingResponse, QuestionAnswer } from '../../domain/hearing-response';
import { countingResponse, respondingFor, respondToHearing } from '../../domain/hearing-response';
import type { DomainError } from '../../domain/result';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isStoreError, upsert } from '../../ports/record-store';
import type { CardActionContext, CardActionOutcome } from '../card-action';
import { text } from '../reply';
import { errorText } from '../error-text';
import { refusal as refusalNotice, success } from '../notice';
import { hearingCard } from './hearing-card';
import type { ResponseField } from './hearing-card';
import type { HearingDeps } from './hearing-jobs';
import type { HearingRecord, ResponseHistory } from './hearing-records';
import { HEARING_RESPONSES, loadHearing, responsesId } from './hearing-records';
import { coordinatorRefresh } from './hearing-status';
import { refreshPostedCardSoon } from './hearing-card-refresh';

const field = (data: Readonly<Record<string, unknown>>, key: string): string =>
  typeof data[key] === 'string' ? data[key] : '';

/** The id as loadHearing reads it. */
const hearingKey = (id: string): string => id.trim().toUpperCase();

/**
 * Writes her history from the version just read, under its eTag (or as a new record); when
 * someone wrote in between (412, or a create that lost), it is read again and the change
 * reapplied, as `upsert` does. Returns the history as stored, or as read when nothing changed.
 */
async function writeFrom(
  store: RecordStore,
  id: string,
  read: StoredRecord<ResponseHistory> | undefined,
  change: (current: ResponseHistory | undefined) => ResponseHistory | undefined,
): Promise<StoredRecord<ResponseHistory> | undefined> {
  const next = change(read?.value);
  if (next === undefined) return read;
  try {
    return read
      ? await store.replace(HEARING_RESPONSES, id, next, read.etag)
      : await store.create(HEARING_RESPONSES, id, next);
  } catch (e) {
    if (!isStoreError(e, 'STORE.PRECONDITION_FAILED') && !isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
    return upsert<ResponseHistory>(store, HEARING_RESPONSES, id, change);
  }
}

/** What the card sent, read against the hearing's questions (the version checks it is the same hearing). */
function answersFrom(h: HearingRecord, data: Readonly<Record<string, unknown>>): QuestionAnswer[] {
  return h.questions.map((q, n) => ({ questionId: q.id, text: field(data, `answer-${n}`) }));
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
  // The hearing, every municipality's history (her own among them, with its eTag) and who the
  // posted card refreshes for, read together: on SharePoint one `$batch`.
  const [h, stored, viewer] = await Promise.all([
    loadHearing(deps.store, hearingId),
    deps.store.find<ResponseHistory>(HEARING_RESPONSES, { hearingId: hearingKey(hearingId) }),
    coordinatorRefresh(deps.store, deps.organisation()),
  ]);
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
  // Set by the write's callback: kept on an object, since narrowing does not see a callback's assignments.
  const outcome = { recorded: false, late: false };
  const id = responsesId(h.id, who.value.municipality);
  const written = await writeFrom(
    deps.store,
    id,
    stored.find((r) => r.id === id),
    (current) => {
      const given = respondToHearing(h, current?.responses ?? [], ctx.org, submission, now);
      refusal = given.ok ? undefined : given.error;
      outcome.recorded = given.ok && given.value.recorded;
      outcome.late = given.ok && given.value.response.late;
      return given.ok && given.value.recorded
        ? { hearingId: h.id, municipality: who.value.municipality, responses: given.value.responses }
        : undefined;
    },
  );
  // What was read, with her history as it now stands: the card needs no second read.
  const histories = [
    ...stored.filter((r) => r.id !== id && r.value.hearingId === h.id).map((r) => r.value),
    ...(written ? [written.value] : []),
  ];
  const responses = histories.flatMap((r) => r.responses);
  // A draft shows on the coordinator's card too ("Utkast"), so any recorded change refreshes it.
  if (outcome.recorded) void refreshPostedCardSoon(deps, h.id, { hearing: h, histories, viewer });
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
      success(ctx.t.t(doneKey(status, outcome.late, responses, h.id, who.value.municipality))),
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
