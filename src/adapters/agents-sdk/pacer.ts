import type { DeliveryFailureKind } from '../../app/delivery/delivery-failures';

/*
 * The shape of adapters/teams/proactive-sender.ts as this adapter uses it. The composition root
 * hands in that one sender per process (Teams' rate limits know no SDK); adapters reach each
 * other only through the root, so the shape is written down here.
 */

/** Teams refused the request for good: what kind of refusal, and Teams' own status and code. */
export interface Refused {
  readonly kind: DeliveryFailureKind;
  readonly status: number;
  readonly code?: string;
}

export type Paced<T> = { readonly sent: T } | { readonly refused: Refused };

export interface RunOptions {
  readonly waitAtMostMs?: number;
  readonly deferKey?: string;
}

export interface Pacer {
  run<T>(
    target: { readonly conversationId: string; readonly tenantId?: string },
    request: () => Promise<T>,
    options?: RunOptions,
  ): Promise<Paced<T>>;
}

/** For the job's error and the failure record: Teams' code and status, e.g. `ConversationBlockedByUser (403)`. */
export const refusalText = (r: Refused): string => `${r.code ?? 'refused'} (${r.status})`;
