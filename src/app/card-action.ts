import type { Organisation } from '../domain/organisation';
import type { DomainError } from '../domain/result';
import type { Audience } from '../domain/role';
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
  /** The form came back refused, and why: the tab puts the message beside the field (Teams shows the card). */
  readonly refused?: DomainError;
}

/**
 * Every verb a card may carry: a closed list, so a card and its handler cannot drift apart
 * (tests/unit/card-actions.test.ts ties each verb in `cards/*.json` to one handler and back).
 */
export const cardVerbs = [
  'agenda.add',
  'agenda.edit',
  'agreement.decide',
  'follow-up.create',
  'follow-up.done',
  'follow-up.review',
  'hearing.close',
  'hearing.compile',
  'hearing.extend',
  'hearing.refresh',
  'hearing.register',
  'hearing.save',
  'hearing.status',
  'hearing.submit',
  'input.refresh',
  'input.save',
  'input.submit',
  'meeting.cancel',
  'meeting.cancel-view',
  'meeting.create',
  'meeting.form',
  'minutes.approve',
  'minutes.edit',
  'minutes.request-approval',
  'minutes.save',
  'minutes.show',
  'vote.cast',
  'vote.close',
  'vote.open',
  'vote.refresh',
] as const;
export type CardVerb = (typeof cardVerbs)[number];

export const isCardVerb = (verb: string): verb is CardVerb => (cardVerbs as readonly string[]).includes(verb);

/**
 * One row of the card-action table, like a chat command: the verb, who may press it, what it
 * does. `audience` is checked in one place (CardActions) before `run`; what depends on the
 * thing itself (her municipality was asked, she sits on the vote's body) the use case checks.
 * `refuse` answers someone outside the audience, when more helpful than the plain sentence
 * (the card back, with why).
 */
export interface CardAction {
  readonly verb: CardVerb;
  readonly audience: readonly Audience[];
  run(ctx: CardActionContext): Promise<CardActionOutcome>;
  refuse?(ctx: CardActionContext): Promise<CardActionOutcome>;
}
