import type { GraphStoreRun } from '../graph-store-bench';
import type { HearingGraphSection } from '../hearing-graph-bench';

/**
 * Issue 13 part 4: Graph requests per workflow within 1.5× of the minimum the API allows,
 * read from the hearing workflow's runs on the fake Graph without throttling. A `$batch`
 * counts as one request, as Graph's throttling counts it.
 */
interface Goal {
  readonly workflow: string;
  readonly most: number;
  /** The run's step, as bench/hearing-graph-bench.ts names it, and how many workflows it holds. */
  readonly step?: RegExp;
  readonly per?: (run: GraphStoreRun) => number;
}

const GOALS: readonly Goal[] = [
  { workflow: 'one hearing response', most: 3, step: /^record \d+ responses \(hearing\.submit/, per: (r) => r.records },
  {
    workflow: 'distributing a hearing to 356 municipalities',
    most: 170,
    step: /^distribute one hearing to 356 /,
    per: () => 1,
  },
  { workflow: 'compiling a hearing (the statement card)', most: 3, step: /^compile: the statement card/, per: () => 1 },
  { workflow: 'planning a meeting with its formøte', most: 8 },
  { workflow: 'a vote of 356 voters (per ballot, batched)', most: 2 },
];

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;

export function graphGoalLines(section: HearingGraphSection | undefined): string[] {
  const unthrottled = section?.runs.filter((r) => r.throttledShare === 0) ?? [];
  return [
    '## Graph requests per workflow (issue 13, part 4)',
    '',
    'From the hearing workflow on the fake Graph below, without throttling; a `$batch` counts as one request.',
    '',
    row(['Workflow', 'Graph requests', 'Goal (at most)', 'Met']),
    row(['---', '---:', '---:', '---']),
    ...GOALS.map((g) => {
      const run = g.step ? unthrottled.find((r) => g.step!.test(r.step)) : undefined;
      if (!run || !g.per)
        return row([g.workflow, g.step ? '– (section not run)' : 'not in the bench yet', g.most, '–']);
      const n = run.httpRequests / Math.max(1, g.per(run));
      return row([g.workflow, Number.isInteger(n) ? n : n.toFixed(1), g.most, n <= g.most ? 'yes' : '**no**']);
    }),
    '',
  ];
}
