/**
 * One real hearing distributed to 26 and to 356 municipalities through a connector that
 * enforces Teams' rate limits (tests/fixtures/teams-limit-enforcer.ts): the coordinator's
 * press, the distribution job, and one card to every respondent and deputy through the outbox
 * and the paced ProactiveSender, on the default SQLite store. Fails unless every respondent and
 * deputy got exactly one card.
 */
import { TeamsLimitEnforcer } from '../tests/fixtures/teams-limit-enforcer';
import type { DeliveryRun } from './delivery-bench';
import { deliveryRun } from './delivery-bench';
import { distributeOneHearing, startHearingSamrad } from './hearing-under-bench';

export const HEARING_SIZES = [26, 356];

export interface HearingDeliveryRun extends DeliveryRun {
  readonly municipalities: number;
}

export interface HearingDeliverySection {
  readonly runs: HearingDeliveryRun[];
}

async function distributeUnderLimits(municipalities: number): Promise<{ run: HearingDeliveryRun; problems: string[] }> {
  const h = await startHearingSamrad(municipalities);
  try {
    const limits = new TeamsLimitEnforcer();
    h.connector.limits = limits;
    const d = await distributeOneHearing(h, h.samrad.store);
    const label = `hearing to ${municipalities} municipalities`;
    // Conversations: every respondent's and deputy's personal chat, and the secretariat's channel.
    const base = {
      label,
      conversations: h.org.respondents.length + 1,
      wallMs: d.wallMs,
      lost: d.lost,
      duplicated: d.duplicated,
      failedJobs: d.failedJobs,
    };
    const { run, wrong } = deliveryRun(base, d.expected, h.connector, limits);
    return { run: { ...run, municipalities }, problems: [...wrong, ...d.wrong].map((w) => `${label}: ${w}`) };
  } finally {
    await h.close();
  }
}

export async function runHearingDeliveryBench(
  progress: (line: string) => void,
): Promise<{ section: HearingDeliverySection; failures: string[] }> {
  const failures: string[] = [];
  const runs: HearingDeliveryRun[] = [];
  for (const municipalities of HEARING_SIZES) {
    try {
      const d = await distributeUnderLimits(municipalities);
      failures.push(...d.problems);
      runs.push(d.run);
      progress(
        `bench: hearing to ${municipalities} municipalities in ${(d.run.wallMs / 1000).toFixed(1)} s, ${d.run.messages} messages, ${d.run.requests} requests, ${d.run.throttled} × 429`,
      );
    } catch (e) {
      failures.push(`hearing to ${municipalities} municipalities: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { section: { runs }, failures };
}
