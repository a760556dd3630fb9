/*
 * What the two Teams adapters (adapters/teams on the Bot Framework SDK, adapters/agents-sdk on
 * the Microsoft 365 Agents SDK) share needs only this much of a turn, which both SDKs' turn
 * contexts have. This folder imports neither SDK (tests/unit/architecture.test.ts).
 */

/** The fields of an incoming activity the shared pieces read. */
export interface TurnActivity {
  readonly type: string;
  readonly locale?: string;
  readonly conversation?: { readonly conversationType?: string; readonly tenantId?: string };
  readonly channelData?: unknown;
}

/** A turn as both SDKs' `TurnContext` has it. */
export interface Turn {
  readonly activity: TurnActivity;
  readonly turnState: { set(key: unknown, value: unknown): unknown };
  sendActivity(text: string): Promise<unknown>;
}

/** Each SDK keeps the invoke response under its own symbol (`INVOKE_RESPONSE_KEY`): the adapter hands it in. */
export type InvokeResponseKey = symbol;
