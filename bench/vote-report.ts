import type { VoteRun, VoteSection } from './vote-bench';

/**
 * The tables of the in-process vote section (`npm run bench -- --slow-store`): Samråd's
 * invokes against Teams' time limit with a slowed store. Its latencies share one process
 * with the echo bots and the connector, so only the figures against the limit mean much.
 */
const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '–');
const rate = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '–');
const times = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const calls = (run: VoteRun): string =>
  run.storeCallsPerCast
    ? Object.entries(run.storeCallsPerCast)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')
    : '–';

export function voteLines(v: VoteSection): string[] {
  const limit = v.limitMs;
  const echoInvoke = v.runs.find((x) => x.bot === 'echo-invoke');
  const fast = v.runs.filter((x) => x.storeDelayMs === null || x.storeDelayMs === 0);
  const slow = v.runs.filter((x) => x.storeDelayMs !== null && x.storeDelayMs > 0);
  const vsEcho = (x: VoteRun): string =>
    x.concurrency === echoInvoke?.concurrency ? times(x.summary.p50 / echoInvoke.summary.p50) : '–';
  const margin = (x: VoteRun): string => {
    const d = x.summary.max - limit;
    return d > 0 ? `**over by ${ms(d)} ms**` : `${ms(-d)} ms to spare`;
  };
  const lines = [
    `## Vote invokes: vote.cast at ${v.voters} concurrent voters`,
    '',
    `A board of ${v.boardSize} (generated organisation file, every member with an object id, so no connector look-up). Each round the coordinator opens a vote with \`vote.open\` (named ballot, default rules), then N distinct board members press \`vote.cast\` at the same moment, once each, for/against/abstain in turn.`,
    'Latency: POST /api/messages (an `adaptiveCard/action` invoke) until the invoke response has ended; throughput is invokes per second of burst wall time. After every round the ballot box is read back and the tally checked.',
    `Baselines: the bare echo bot answers an \`adaptiveCard/action\` invoke with HTTP ${v.bareEchoInvokeStatus}${v.bareEchoInvokeStatus === 501 ? ' (Not Implemented)' : ''}, so it is measured with message activities (which also post a reply to the connector); an echo bot with a one-line \`onAdaptiveCardInvoke\` is the floor for an invoke. Both in the same bursts of ${v.voters}.`,
    '',
    row([
      'Bot, activity',
      'Store delay per call',
      'At once',
      'Requests',
      'p50 ms',
      'p99 ms',
      'max ms',
      'req/s',
      'p50 vs echo invoke',
      'Failed',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...fast.map((x) =>
      row([
        x.label,
        x.storeDelayMs === null ? '–' : `${x.storeDelayMs} ms (SQLite)`,
        x.concurrency,
        x.summary.count,
        ms(x.summary.p50),
        ms(x.summary.p99),
        ms(x.summary.max),
        rate(x.summary.throughput),
        vsEcho(x),
        x.failedTurns,
      ]),
    ),
    '',
    `### The same with a slow store`,
    '',
    `Samråd's SQLite store behind a decorator that waits a fixed time before every call (bench/delayed-store.ts), as a store across the network would. Teams' limit for answering an invoke: ${v.limitSource}`,
    '',
    row([
      'Pressed in',
      'Store delay per call',
      'At once',
      'Invokes',
      'p50 ms',
      'p99 ms',
      'max ms',
      `Within ${limit / 1000} s`,
      'Worst vs limit',
      'Serial ms per cast',
      'Failed turns',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---:', '---:']),
    ...slow.map((x) =>
      row([
        x.from === 'channel' ? 'the channel' : 'personal chats',
        `${x.storeDelayMs} ms`,
        x.concurrency,
        x.summary.count,
        ms(x.summary.p50),
        ms(x.summary.p99),
        ms(x.summary.max),
        `${x.withinLimit} / ${x.summary.count}`,
        margin(x),
        x.serialMsPerCast === null ? '–' : ms(x.serialMsPerCast),
        x.failedTurns,
      ]),
    ),
    '',
    '"Serial ms per cast" is the burst\'s wall time divided by its voters: how long each cast holds the vote, since the per-vote lock lets one cast at a time through within a process. The last voter waits about N times that.',
    '',
    'Store calls per cast (all calls during the burst, divided by its invokes):',
    '',
    ...v.runs
      .filter((x) => x.storeCallsPerCast)
      .map(
        (x) =>
          `- ${x.from === 'channel' ? 'channel' : 'personal chats'}, ${x.storeDelayMs} ms, ${x.concurrency} at once: ${calls(x)}`,
      ),
    '',
    `vote.open as the coordinator: ${v.opens.map((o) => `p50 ${ms(o.p50)} ms, max ${ms(o.max)} ms over ${o.count} opens at ${o.storeDelayMs} ms per store call`).join('; ')}.`,
    `Tally: ${v.tally.votes} votes read back, ${v.tally.ballots} ballots; each succeeded voter counted once with the option pressed, and no one whose turn failed. Section wall time ${(v.wallMs / 1000).toFixed(1)} s.`,
  ];
  const oneByOne = slow.find((x) => x.concurrency === 1);
  const lockBound = slow.filter((x) => x.serialMsPerCast !== null && x.failedTurns === 0);
  lockBound.forEach((x, n) => {
    const reach = Math.floor((limit - (oneByOne?.summary.p50 ?? 0)) / x.serialMsPerCast!);
    lines.push(
      '',
      `At ${x.storeDelayMs} ms per store call and ${x.concurrency} voters at once (${x.from === 'channel' ? 'channel' : 'personal chats'}): p50 ${ms(x.summary.p50)} ms, worst ${ms(x.summary.max)} ms, ${margin(x)} against the ${limit / 1000} s limit. ` +
        `Each cast held the vote ${ms(x.serialMsPerCast!)} ms${oneByOne ? `, while one invoke alone took ${ms(oneByOne.summary.p50)} ms` : ''}` +
        (n === 0
          ? `; extrapolated from these (not measured), the last answer passes ${limit / 1000} s at about ${reach} voters pressing at once at this store delay.`
          : '.'),
    );
  });
  const broken = slow.filter((x) => x.failedTurns > 0);
  for (const x of broken) {
    const rewrites = x.storeCallsPerCast?.['replace conversations'] ?? 0;
    lines.push(
      '',
      `**${x.failedTurns} of ${x.summary.count} invokes failed** (${x.from === 'channel' ? 'channel' : 'personal chats'}, ${x.storeDelayMs} ms, ${x.concurrency} at once): the voter got the apology, not their card, and their ballot was not counted.` +
        (rewrites > 1
          ? ` Store calls show ${rewrites} \`replace conversations\` per cast: the invokes contend for one record before the ballot is cast.`
          : ''),
    );
  }
  if (v.skipped.length > 0) lines.push('', `Skipped: ${v.skipped.join('; ')}.`);
  lines.push('');
  return lines;
}
