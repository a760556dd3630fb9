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
 * own view of the card), post a new message, and refresh the card everyone sees.
 */
export interface CardActionOutcome {
  readonly respond: Reply;
  readonly post?: { readonly reply: Reply; readonly posted: (activityId: string) => Promise<void> };
  readonly updateShared?: { readonly activityId: string; readonly reply: Reply; readonly final: boolean };
}

export interface CardAction {
  readonly verb: string;
  run(ctx: CardActionContext): Promise<CardActionOutcome>;
}
