import type { LimitedKey, Window } from '../../app/scheduling/sliding-windows';

/**
 * Teams' limits for a bot's proactive messages (Microsoft Teams platform docs, "Optimize your
 * bot: rate limiting and best practices"): per bot and conversation 7 per second, 8 per 2 s,
 * 60 per 30 s and 1800 per hour; per app and tenant 30 requests per second in the current
 * page (older pages and answers say 50: the lower is kept unless configured, see
 * `SAMRAD_TEAMS_TENANT_RATE`). Sends and updates both count.
 */
export const TEAMS_CONVERSATION_LIMITS: readonly Window[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];
export const DEFAULT_TENANT_PER_SECOND = 30;
export const TEAMS_TENANT_LIMITS: readonly Window[] = [{ limit: DEFAULT_TENANT_PER_SECOND, ms: 1_000 }];

/**
 * The sender counts a request from when its answer came (after Teams counted it); the short
 * windows are kept this much longer than Teams' besides, for clocks that tick coarsely.
 * Costs about 1% of the throughput.
 */
export const ARRIVAL_GUARD_MS = 10;

/**
 * With the windows shared through Table Storage a booking stays where it was made (moving it
 * to the answer would cost a second write per request), so the short windows are kept this
 * much longer, for the request's way to Teams: about 5% of the tenant's rate.
 */
export const SHARED_ARRIVAL_GUARD_MS = 50;

const guarded = (windows: readonly Window[], guardMs: number): Window[] =>
  windows.map((w) => (w.ms <= 2_000 ? { limit: w.limit, ms: w.ms + guardMs } : w));

/** The keys one proactive request counts against: its conversation, and its tenant. */
export function teamsLimitKeys(
  conversationId: string,
  tenantId: string | undefined,
  guardMs = ARRIVAL_GUARD_MS,
  tenantPerSecond = DEFAULT_TENANT_PER_SECOND,
): LimitedKey[] {
  return [
    { key: `conversation:${conversationId}`, windows: guarded(TEAMS_CONVERSATION_LIMITS, guardMs) },
    { key: `tenant:${tenantId ?? 'app'}`, windows: guarded([{ limit: tenantPerSecond, ms: 1_000 }], guardMs) },
  ];
}
