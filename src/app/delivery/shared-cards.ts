import { z } from 'zod';
import { locales, type Locale } from '../../i18n/locale';
import type { Clock } from '../../ports/clock';
import type { Messenger } from '../../ports/messenger';
import type { JobHandler } from '../scheduling/execute-job';
import type { JobScheduler } from '../scheduling/scheduler';
import type { Reply } from '../reply';
import { KeyedLock } from '../voting/keyed-lock';

/**
 * A card everyone sees (a vote in its channel, an input card in a respondent's chat) is
 * updated in place by a job of this kind, never inside the turn that changed it: the job
 * goes through the paced proactive sender like every other proactive write, survives a
 * crash, and renders the card when it runs, so it always shows the state of that moment.
 */
export const SHARED_CARD_UPDATE = 'card.update-shared';

/**
 * Changes within one window of this length share one update, due at the window's end: five
 * ballots in two seconds make one update showing all five, and the last change of a burst is
 * on the card at most this long (plus a poll) after it was made.
 */
export const COALESCE_MS = 2_000;

export interface SharedCardRef {
  /** Which kind of card: the key of its renderer (`vote`, `input`). */
  readonly card: string;
  /** The card's own id within its kind (a vote id, an input card's key). */
  readonly id: string;
  /** The language the card was posted in: it keeps it (nb or en). */
  readonly locale?: Locale;
}

export const sharedCardPayload: z.ZodType<SharedCardRef> = z.object({
  card: z.string(),
  id: z.string(),
  locale: z.enum(locales).optional(),
});

/** What a renderer says about a card now: where it is posted and how it looks, or nothing (no longer posted). */
export interface SharedCardNow {
  readonly conversationId: string;
  readonly activityId: string;
  readonly reply: Reply;
}

export type SharedCardRenderer = (ref: SharedCardRef) => Promise<SharedCardNow | undefined>;

/** The job's id: one per card and window, so every change inside the window schedules the same job. */
export function sharedCardJobId(ref: SharedCardRef, at: Date, final = false): string {
  const window = Math.floor(at.getTime() / COALESCE_MS);
  return `card-update:${ref.card}:${ref.id}:${final ? 'final' : window}`;
}

/**
 * The card changed: schedule its update at the end of the current window (idempotent within
 * the window). A final change (a vote closed) is due at once and has an id of its own.
 */
export async function updateSharedCard(
  deps: { readonly scheduler: JobScheduler; readonly clock: Clock },
  ref: SharedCardRef,
  options: { readonly final?: boolean } = {},
): Promise<void> {
  const now = deps.clock.now();
  const final = options.final ?? false;
  const dueAt = final ? now : new Date((Math.floor(now.getTime() / COALESCE_MS) + 1) * COALESCE_MS);
  await deps.scheduler.schedule({
    id: sharedCardJobId(ref, now, final),
    kind: SHARED_CARD_UPDATE,
    dueAt,
    payload: ref,
  });
}

/**
 * The job: render the card as it is now and update it in place through the messenger (paced,
 * a refusal for good recorded as a delivery failure). Updates of one card run one at a time
 * in this process, so an older job cannot overwrite a newer state it read before.
 */
export function sharedCardUpdater(
  messenger: Messenger,
  renderers: Readonly<Record<string, SharedCardRenderer>>,
): JobHandler<SharedCardRef> {
  const lock = new KeyedLock();
  return async ({ job }) => {
    const { card, id } = job.payload;
    const render = renderers[card];
    if (!render) return { outcome: 'failed', error: `no renderer for shared card ${card}` };
    await lock.run(`${card}:${id}`, async () => {
      const now = await render(job.payload);
      if (now) await messenger.update(now.conversationId, now.activityId, now.reply);
    });
    return { outcome: 'done' };
  };
}
