import { respondingFor } from '../../domain/hearing-response';
import type { DomainError } from '../../domain/result';
import { upsert } from '../../ports/record-store';
import type { CardAction, CardActionContext, CardActionOutcome, CardVerb } from '../card-action';
import { errorText } from '../error-text';
import type { HearingResponse } from '../../domain/hearing-response';
import type { Notice } from '../notice';
import type { Reply } from '../reply';
import { success } from '../notice';
import type { SignedLinks } from '../exports/signed-links';
import { text } from '../reply';
import { answerHearing } from './answer-hearing';
import { refreshPostedCard } from './hearing-card-refresh';
import { closeOpenHearing, extendHearing } from './change-hearing';
import { hearingCard } from './hearing-card';
import { hearingForm, hearingFormValues, readDeadline, readHearingForm } from './hearing-form';
import type { HearingDeps } from './hearing-jobs';
import type { HearingRecord } from './hearing-records';
import { HEARINGS, hearingResponses, loadHearing } from './hearing-records';
import { coordinatorRefresh, hearingStatusCard } from './hearing-status';
import { registerNewHearing } from './register-hearing';
import { statementCard, statementLinks } from './statement-card';
import { archiveJointStatement } from '../archive/archive-triggers';

const field = (ctx: CardActionContext, key: string): string =>
  typeof ctx.data[key] === 'string' ? ctx.data[key].trim() : '';
const message = (ctx: CardActionContext, e: DomainError) => errorText(ctx.t, e);

/** The hearing as the person who pressed sees it: the coordinator with her buttons, anyone else without. */
async function statusView(
  deps: HearingDeps,
  ctx: CardActionContext,
  id: string,
  notice: Notice | string = '',
): Promise<CardActionOutcome> {
  const [h, responses] = await hearingWithResponses(deps, id);
  if (!h) return { respond: text(ctx.t.t('error.HEARING.UNKNOWN', { id })) };
  return { respond: statusCard(ctx, h, responses, notice) };
}

function statusCard(
  ctx: CardActionContext,
  h: HearingRecord,
  responses: readonly HearingResponse[],
  notice: Notice | string = '',
): Reply {
  const viewer = ctx.actor.roles.has('coordinator') ? ({ kind: 'coordinator' } as const) : ({ kind: 'other' } as const);
  return hearingStatusCard(ctx.org, ctx.t, h, responses, notice, viewer);
}

/** The hearing and its responses read together (on SharePoint one `$batch`). */
const hearingWithResponses = (deps: HearingDeps, id: string) =>
  Promise.all([loadHearing(deps.store, id), hearingResponses(deps.store, id.trim().toUpperCase())]);

/** Extending, closing and compiling are the coordinator's; anyone else gets the card back (without her buttons) and why. */
function coordinatorOnly(
  deps: HearingDeps,
  verb: CardVerb,
  run: (ctx: CardActionContext, id: string) => Promise<CardActionOutcome>,
): CardAction {
  return {
    verb,
    audience: ['coordinator'],
    refuse: (ctx) => statusView(deps, ctx, field(ctx, 'hearingId'), ctx.t.t('error.HEARING.NOT_ALLOWED')),
    run: (ctx) => run(ctx, field(ctx, 'hearingId')),
  };
}

export function hearingActions(deps: HearingDeps & { links: SignedLinks }): CardAction[] {
  return [
    {
      verb: 'hearing.register',
      audience: ['coordinator'],
      refuse: async (ctx) => ({ respond: text(ctx.t.t('error.HEARING.NOT_ALLOWED')) }),
      async run(ctx) {
        const refuse = (e: DomainError) => ({
          respond: hearingForm(ctx.org, ctx.t, hearingFormValues(ctx.data), message(ctx, e)),
          refused: e,
        });
        const draft = readHearingForm(ctx.data, deps.clock.now());
        if (!draft.ok) return refuse(draft.error);
        const who = {
          memberId: ctx.actor.member.id,
          org: ctx.org,
          locale: ctx.t.locale,
          conversationId: ctx.conversationId,
        };
        const registered = await registerNewHearing(deps, who, draft.value);
        if (!registered.ok) return refuse(registered.error);
        const h = registered.value;
        // The form becomes the hearing, so it cannot register a second one; the card posted
        // below is the one that follows the responses.
        const own = await statusView(
          deps,
          ctx,
          h.id,
          success(ctx.t.t('hearing.registered', { id: h.id, count: h.municipalities.length })),
        );
        return {
          ...own,
          post: {
            reply: hearingStatusCard(ctx.org, ctx.t, h, [], '', await coordinatorRefresh(deps.store, ctx.org)),
            posted: async (activityId: string) => {
              await upsert<HearingRecord>(
                deps.store,
                HEARINGS,
                h.id,
                (v) => v && { ...v, posted: { conversationId: ctx.conversationId, activityId } },
              );
            },
          },
        };
      },
    },
    // Whether she answers for a municipality that was asked is respondingFor's to say.
    { verb: 'hearing.save', audience: ['anyone-registered'], run: (ctx) => answerHearing(deps, ctx, 'draft') },
    { verb: 'hearing.submit', audience: ['anyone-registered'], run: (ctx) => answerHearing(deps, ctx, 'submitted') },
    {
      verb: 'hearing.refresh',
      audience: ['anyone-registered'],
      async run(ctx) {
        const h = await loadHearing(deps.store, field(ctx, 'hearingId'));
        if (!h) return { respond: text(ctx.t.t('error.HEARING.UNKNOWN', { id: field(ctx, 'hearingId') })) };
        const who = respondingFor(h, ctx.org, ctx.actor.member.id, field(ctx, 'municipality') || undefined);
        if (!who.ok) return { respond: text(message(ctx, who.error)) };
        return {
          respond: hearingCard(
            ctx.org,
            ctx.t,
            h,
            who.value.municipality,
            await hearingResponses(deps.store, h.id),
            deps.clock.now(),
          ),
        };
      },
    },
    // The shared card's refresh and its "Oppdater": everyone sees the progress, the coordinator her buttons too.
    {
      verb: 'hearing.status',
      audience: ['anyone-registered'],
      run: (ctx) => statusView(deps, ctx, field(ctx, 'hearingId')),
    },
    coordinatorOnly(deps, 'hearing.extend', async (ctx, id) => {
      const to = readDeadline(field(ctx, 'newDeadline'), deps.clock.now());
      if (!to.ok || !to.value) return statusView(deps, ctx, id, ctx.t.t('error.HEARING.BAD_DEADLINE'));
      const extended = await extendHearing(deps, id, ctx.actor.member.id, to.value);
      if (!extended.ok) return statusView(deps, ctx, id, message(ctx, extended.error));
      await refreshPostedCard(deps, id);
      return statusView(deps, ctx, id, success(ctx.t.t('hearing.extended-notice')));
    }),
    coordinatorOnly(deps, 'hearing.close', async (ctx, id) => {
      const closed = await closeOpenHearing(deps, id, ctx.actor.member.id);
      if (!closed.ok) return statusView(deps, ctx, id, message(ctx, closed.error));
      await refreshPostedCard(deps, id);
      return statusView(deps, ctx, id, success(ctx.t.t('hearing.closed-notice')));
    }),
    coordinatorOnly(deps, 'hearing.compile', async (ctx, id) => {
      const [h, responses] = await hearingWithResponses(deps, id);
      if (!h) return { respond: text(ctx.t.t('error.HEARING.UNKNOWN', { id })) };
      const library = await archiveJointStatement(deps, h, responses);
      const links = { ...statementLinks(deps.links, h.id, ctx.t.locale, deps.clock.now()), library };
      // Her own card from the same reads: compiling reads the hearing and its responses once.
      return {
        respond: statusCard(ctx, h, responses),
        post: { reply: statementCard(ctx.org, ctx.t, h, responses, links), posted: async () => {} },
      };
    }),
  ];
}
