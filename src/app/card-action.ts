import type { Organisation } from '../domain/organisation';
import type { Translator } from '../i18n/catalogue';
import type { Actor } from './identify-actor';
import type { Reply } from './reply';

/** A button pressed on a card (Universal Actions `Action.Execute`, or `Action.Submit` from older clients). */
export interface CardActionContext {
  readonly actor: Extract<Actor, { kind: 'member' }>;
  readonly t: Translator;
  readonly org: Organisation;
  readonly data: Readonly<Record<string, unknown>>;
  readonly conversationId: string;
  /** The invoke's own id: a retried invoke carries the same one. */
  readonly actionId: string;
}

/**
 * What the adapter does with an action's result: answer the person who pressed (their
 * own view of the card) and post a new message. The card everyone sees is updated by a
 * paced job (`delivery/shared-cards.ts`), never inside the turn.
 */
export interface CardActionOutcome {
  readonly respond: Reply;
  readonly post?: { readonly reply: Reply; readonly posted: (activityId: string) => Promise<void> };
}

export interface CardAction {
  readonly verb: string;
  run(ctx: CardActionContext): Promise<CardActionOutcome>;
}
