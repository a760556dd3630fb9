import { itemsForInput } from '../../domain/agenda';
import type { DomainError } from '../../domain/result';
import type { ItemInput, Position } from '../../domain/input';
import { carryOver, countingAnswer, giveInput, positions } from '../../domain/input';
import type { AgendaItem } from '../../domain/agenda-item';
import { formatCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { upsert } from '../../ports/record-store';
import type { CardAction, CardActionContext } from '../card-action';
import { MEETINGS } from '../meetings/meeting-records';
import { errorText } from '../error-text';
import { refusal as refusalNotice, success } from '../notice';
import { text } from '../reply';
import type { AnswerHistory } from './input-records';
import { answersId, INPUT_ANSWERS, loadRequest, meetingAnswers } from './input-records';
import { inputCard } from './input-card';
import type { RefusedInput } from './input-card';
import { answersFor } from '../../domain/municipal-answer';

export interface InputDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
}

/** Which case each numbered field answers: named by the card, or (an older card) the agenda's order. */
function cardItemIds(meeting: Meeting, data: Readonly<Record<string, unknown>>): string[] | undefined {
  if (typeof data.itemIds === 'string') return data.itemIds ? data.itemIds.split(',') : [];
  return Number(data.version) === meeting.version ? itemsForInput(meeting).map((i) => i.id) : undefined;
}

/** What the card sent, case by case. */
function itemsFrom(ids: readonly string[], data: Readonly<Record<string, unknown>>): ItemInput[] {
  return ids.map((itemId, i) => {
    const position = data[`position-${i}`];
    const written = data[`text-${i}`];
    return {
      itemId,
      ...(typeof position === 'string' &&
        (positions as readonly string[]).includes(position) && { position: position as Position }),
      text: typeof written === 'string' ? written : '',
    };
  });
}

/**
 * A card drawn from an older agenda: what still applies is saved as a draft on the current
 * one, and the respondent is told which cases were removed or added, to look over and send.
 */
function staleCarryOver(
  meeting: Meeting,
  ids: readonly string[] | undefined,
  data: Readonly<Record<string, unknown>>,
  t: CardActionContext['t'],
) {
  if (!ids || Number(data.version) === meeting.version) return undefined;
  const kept = carryOver(meeting, ids, itemsFrom(ids, data));
  const name = (i: AgendaItem) => `${t.t('agenda.case', { caseNumber: formatCaseNumber(i.caseNumber) })} ${i.title}`;
  const changes = [
    ...(kept.removed.length > 0
      ? [t.t('input.stale.removed', { count: kept.removed.length, cases: kept.removed.map(name).join(', ') })]
      : []),
    ...(kept.added.length > 0
      ? [t.t('input.stale.added', { count: kept.added.length, cases: kept.added.map(name).join(', ') })]
      : []),
  ];
  return { items: kept.items, notice: t.t('input.stale.kept', { changes: changes.join(' ') }) };
}

async function answer(deps: InputDeps, ctx: CardActionContext, status: 'draft' | 'submitted') {
  const meetingId = typeof ctx.data.meetingId === 'string' ? ctx.data.meetingId : '';
  const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
  const request = meeting && (await loadRequest(deps.store, meetingId));
  if (!meeting || !request) return { respond: text(ctx.t.t('error.INPUT.NO_REQUEST', { meeting: meetingId })) };
  const municipality = typeof ctx.data.municipality === 'string' ? ctx.data.municipality : undefined;
  const now = deps.clock.now();
  const ids = cardItemIds(meeting, ctx.data);
  const stale = staleCarryOver(meeting, ids, ctx.data, ctx.t);
  const submission = {
    meetingId,
    givenBy: ctx.actor.member.id,
    // A stale card's answers are saved on the current agenda, as a draft to look over.
    meetingVersion: stale ? meeting.version : Number(ctx.data.version),
    status: stale ? ('draft' as const) : status,
    idempotencyKey: ctx.actionId,
    items: stale ? stale.items : itemsFrom(ids ?? itemsForInput(meeting).map((i) => i.id), ctx.data),
    ...(municipality && { municipality }),
  };
  const shown = municipality ?? answersFor(ctx.org, ctx.actor.member.id)[0]?.municipality ?? '';
  let refusal: DomainError | undefined;
  // Every version is kept in one record per municipality, written under its eTag.
  await upsert<AnswerHistory>(deps.store, INPUT_ANSWERS, answersId(meetingId, shown), (current) => {
    const given = giveInput(meeting, request, current?.answers ?? [], ctx.org, submission, now);
    if (!given.ok) {
      refusal = given.error;
      return undefined;
    }
    refusal = undefined;
    return given.value.recorded
      ? { meetingId, municipality: given.value.answer.municipality, answers: given.value.answers }
      : undefined;
  });
  const answers = await meetingAnswers(deps.store, meetingId);
  if (refusal) {
    // Refused: the card comes back as typed, with the reason beside the case it is about.
    const typed = new Map(
      (ids ?? itemsForInput(meeting).map((item) => item.id)).map(
        (itemId, i) =>
          [itemId, { position: stringAt(ctx.data, `position-${i}`), text: stringAt(ctx.data, `text-${i}`) }] as const,
      ),
    );
    const itemId = typeof refusal.params?.itemId === 'string' ? refusal.params.itemId : undefined;
    const field: 'text' | 'position' | undefined =
      refusal.code === 'INPUT.TEXT_TOO_LONG'
        ? 'text'
        : refusal.code === 'INPUT.POSITION_REQUIRED' || refusal.code === 'INPUT.BAD_POSITION'
          ? 'position'
          : undefined;
    const refused: RefusedInput = { typed, ...(itemId && field && { itemId, field }) };
    return {
      respond: inputCard(
        ctx.org,
        ctx.t,
        meeting,
        request,
        shown,
        answers,
        now,
        refusalNotice(errorText(ctx.t, refusal)),
        refused,
      ),
    };
  }
  // A draft after a submitted answer is a draft of a change; the message says the answer still counts.
  const done =
    status === 'submitted'
      ? 'input.submitted'
      : countingAnswer(answers, meetingId, shown)
        ? 'input.saved-revision'
        : 'input.saved';
  return {
    respond: inputCard(
      ctx.org,
      ctx.t,
      meeting,
      request,
      shown,
      answers,
      now,
      stale ? stale.notice : success(ctx.t.t(done)),
    ),
  };
}

const stringAt = (data: Readonly<Record<string, unknown>>, key: string): string =>
  typeof data[key] === 'string' ? data[key] : '';

export function inputActions(deps: InputDeps): CardAction[] {
  return [
    // Her municipality was asked, and she answers for it (or is its deputy): giveInput checks which.
    { verb: 'input.save', audience: ['anyone-registered'], run: (ctx) => answer(deps, ctx, 'draft') },
    {
      // Teams asks for this when the card is shown: each respondent sees the municipality's latest answer.
      verb: 'input.refresh',
      audience: ['anyone-registered'],
      async run(ctx) {
        const meetingId = typeof ctx.data.meetingId === 'string' ? ctx.data.meetingId : '';
        const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
        const request = meeting && (await loadRequest(deps.store, meetingId));
        if (!meeting || !request) return { respond: text(ctx.t.t('error.INPUT.NO_REQUEST', { meeting: meetingId })) };
        const municipality = typeof ctx.data.municipality === 'string' ? ctx.data.municipality : '';
        if (!answersFor(ctx.org, ctx.actor.member.id).some((r) => r.municipality === municipality))
          return { respond: text(ctx.t.t('error.INPUT.NOT_REPRESENTATIVE')) };
        return {
          respond: inputCard(
            ctx.org,
            ctx.t,
            meeting,
            request,
            municipality,
            await meetingAnswers(deps.store, meetingId),
            deps.clock.now(),
          ),
        };
      },
    },
    { verb: 'input.submit', audience: ['anyone-registered'], run: (ctx) => answer(deps, ctx, 'submitted') },
  ];
}
