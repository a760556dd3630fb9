import type { DeliveryRun, DeliverySection } from './delivery-bench';
import type { HearingDeliverySection } from './hearing-delivery-bench';

const s = (ms: number): string => (ms / 1000).toFixed(1);
const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const rate = (r: DeliveryRun): string => (Number.isFinite(r.sustainedPerS) ? r.sustainedPerS.toFixed(1) : '–');

/** The proactive-delivery section of bench/results/latest.md. */
export function deliveryLines(d: DeliverySection): string[] {
  const t = d.throughput;
  const ratio = Number.isFinite(t.sustainedPerS) ? (t.sustainedPerS / d.limitPerS).toFixed(2) : '–';
  return [
    `## Proactive messages against Teams' rate limits`,
    '',
    "The real composition (JobRunner, the outbox, TeamsMessenger and its ProactiveSender) sends over HTTP to a fake connector that enforces Teams' limits: per conversation 7/s, 8/2 s, 60/30 s, 1800/h; per app and tenant 30/s; a request over any of them is answered 429 with Retry-After. Each run starts a fresh Samråd, stores the personal chats, schedules the fan-out with `scheduleMany`, wakes the runner and waits until every job is finished; then every message is checked to have arrived exactly once.",
    '',
    `**Throughput: ${ratio} of the ${d.limitPerS}/s tenant limit** (${rate(t)} messages/s sustained; ${t.messages} messages to ${t.conversations} conversations, ${t.messages / t.conversations} each, ${t.throttled} × 429). Sustained: the arrivals after the first second over the time they took (a sliding window lets the first ${d.limitPerS} through at once). The sender counts each request from when its answer came, so Teams, which counts arrivals, never sees more than ${d.limitPerS} in a second whatever the delay on the way; the price is one round trip per window. The 429 count is the check that no second held more than ${d.limitPerS}; the ratio itself can read a little above 1, since the measured span starts at the first arrival after the first second and so cuts a window short.`,
    '',
  ];
}

/** One real hearing distributed through the same connector (bench/hearing-delivery-bench.ts). */
export function hearingDeliveryLines(h: HearingDeliverySection): string[] {
  return [
    `## Distributing one hearing to 26 and 356 municipalities under Teams' rate limits`,
    '',
    "A generated organisation with that many municipalities, each with a respondent and a deputy whose personal chats are stored. The coordinator registers a hearing with the form's button (`hearing.register`, an invoke over HTTP, in the secretariat's channel); the JobRunner runs the distribution job, then one outbox job per respondent and deputy, through TeamsMessenger and the paced ProactiveSender to the limit-enforcing connector above (SQLite store). The runner is woken after the press and after the distribution job (it otherwise polls every 5 s). Wall time runs from the press until every card and the channel notice were sent. Messages: a card to each respondent and deputy, the coordinator's card and the notice in the channel. The bench fails unless every respondent and deputy got exactly one card.",
    '',
    row([
      'Municipalities',
      'Messages accepted',
      'Requests',
      '429s',
      'Wall time s',
      'Least the limits allow s',
      'Lost',
      'Duplicated',
      'Jobs not done',
    ]),
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...h.runs.map((r) =>
      row([
        r.municipalities,
        r.messages,
        r.requests,
        r.throttled,
        s(r.wallMs),
        s(r.floorMs),
        r.lost,
        r.duplicated,
        r.failedJobs,
      ]),
    ),
    '',
    '"Least the limits allow" is the tenant limit alone: the first 30 at once, then 30 a second. Two cards per municipality, so 356 municipalities are 714 messages and at least 23 s.',
    '',
  ];
}
