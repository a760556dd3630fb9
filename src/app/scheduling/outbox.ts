import { z } from 'zod';
import type { Reply } from '../reply';
import type { JobHandler } from './execute-job';
import type { JobSpec } from './scheduler';

/**
 * The outbox: a message to send is a job of this kind, so it survives a crash and is sent by
 * whichever runner claims it. The use case schedules it (idempotent id), the runner sends it.
 */
export const OUTBOX = 'outbox.message';

export interface OutboxMessage {
  /** The stored conversation to write to (see remember-conversation.ts). */
  readonly conversationId: string;
  /**
   * Opaque to the app; the sender renders it. Prefer a template name and the data it needs
   * over a whole card: jobs stay small and the card shows the state at send time.
   */
  readonly message: unknown;
}

export const outboxPayload: z.ZodType<OutboxMessage> = z.object({
  conversationId: z.string(),
  message: z.unknown().refine((m) => m !== undefined, 'no message'),
});

export interface Delivery extends OutboxMessage {
  /** The job id: stable across attempts and runners. */
  readonly idempotencyKey: string;
  readonly attempt: number;
  /** When this attempt's lease ends (UTC ISO): a sender waiting on rate limits gives up (throws) well before it. */
  readonly leaseUntil?: string;
  /**
   * Call this as soon as the channel has accepted the message, before any other work: it
   * writes the activity id onto the job, so a runner that takes over later does not send again.
   */
  recordSent(activityId: string): Promise<void>;
}

/**
 * A message rendered when it is sent, not when it is scheduled: the name of its renderer and
 * the id of what it shows (a meeting's notice). A notice waiting for its turn while cases are
 * added goes out once, with the agenda as it is then.
 */
export interface RenderAtSend {
  readonly render: string;
  readonly id: string;
}

/** Renders a message at send time; nothing when there is nothing to send any more (the meeting is gone). */
export type MessageRenderer = (id: string) => Promise<Reply | undefined>;

export const isRenderAtSend = (m: unknown): m is RenderAtSend =>
  typeof m === 'object' &&
  m !== null &&
  typeof (m as RenderAtSend).render === 'string' &&
  typeof (m as RenderAtSend).id === 'string';

/** A refusal that retrying cannot fix (the bot was blocked or removed: a 403): the job fails. */
export type SendResult = { readonly activityId: string } | { readonly undeliverable: string };

/**
 * What the outbox needs from a messenger (the Teams adapter's proactive sender implements it).
 * Throw for a transient failure (the job is retried with backoff); keep rate limits and
 * Retry-After inside the sender.
 */
export interface MessageSender {
  send(delivery: Delivery): Promise<SendResult>;
}

export interface SentMessage extends OutboxMessage {
  readonly jobId: string;
  readonly activityId: string;
}

/**
 * The outbox's job handler. A job that already has an activity id (recorded by an attempt
 * whose runner died afterwards) is not sent again. `afterSent` runs on every attempt that gets
 * past the send (e.g. to store the activity id on the hearing so the card can be updated);
 * it must be idempotent.
 */
export function outboxHandler(
  sender: MessageSender,
  afterSent?: (sent: SentMessage) => Promise<void>,
  renderers: Readonly<Record<string, MessageRenderer>> = {},
): JobHandler<OutboxMessage> {
  return async ({ job, attempt, idempotencyKey, receipt, leaseUntil, recordReceipt }) => {
    const { conversationId } = job.payload;
    let { message } = job.payload;
    let activityId = typeof receipt?.activityId === 'string' ? receipt.activityId : undefined;
    if (activityId === undefined && isRenderAtSend(message)) {
      const render = renderers[message.render];
      if (!render) return { outcome: 'failed', error: `no renderer for ${message.render}` };
      const rendered = await render(message.id);
      if (!rendered) return { outcome: 'done' };
      message = rendered;
    }
    if (activityId === undefined) {
      let recorded: string | undefined;
      const result = await sender.send({
        conversationId,
        message,
        idempotencyKey,
        attempt,
        ...(leaseUntil && { leaseUntil }),
        recordSent: async (id) => {
          if (recorded !== undefined) return;
          recorded = id;
          await recordReceipt({ activityId: id });
        },
      });
      if ('undeliverable' in result) return { outcome: 'failed', error: result.undeliverable };
      // A sender that did not call recordSent: record now, the window is a little wider.
      if (recorded === undefined) await recordReceipt({ activityId: result.activityId });
      activityId = result.activityId;
    }
    await afterSent?.({ jobId: job.id, conversationId, message, activityId });
  };
}

/** A message job for `scheduler.schedule` or, for a fan-out, `scheduler.scheduleMany`. */
export function messageJob(
  id: string,
  message: OutboxMessage,
  dueAt: Date | string,
  maxAttempts?: number,
): JobSpec<OutboxMessage> {
  return maxAttempts === undefined
    ? { id, kind: OUTBOX, dueAt, payload: message }
    : { id, kind: OUTBOX, dueAt, payload: message, maxAttempts };
}
