import type { GraphStoreRun } from '../graph-store-bench';
import type { HearingGraphSection } from '../hearing-graph-bench';
import type { GraphWorkflowsSection } from '../graph-workflows-bench';
import { MEETING_STEP, VOTERS, voteStep } from '../graph-workflows-bench';

/**
 * Issue 13 part 4: Graph requests per workflow within 1.5× of the minimum the API allows,
 * read from the hearing workflow's runs and the meeting and vote runs (graph-workflows-bench.ts)
 * on the fake Graph without throttling. A `$batch` counts as one request.
 */
interface Goal {
  readonly workflow: string;
  readonly most: number;
  /** The run's step, as bench/hearing-graph-bench.ts names it, and how many workflows it holds. */
  readonly step?: RegExp;
  readonly per?: (run: GraphStoreRun) => number;
}

const exactly = (step: string): RegExp => new RegExp(`^${step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const GOALS: readonly Goal[] = [
  { workflow: 'one hearing response', most: 3, step: /^record \d+ responses \(hearing\.submit/, per: (r) => r.records },
  {
    workflow: 'distributing a hearing to 356 municipalities',
    most: 170,
    step: /^distribute one hearing to 356 /,
    per: () => 1,
  },
  { workflow: 'compiling a hearing (the statement card)', most: 3, step: /^compile: the statement card/, per: () => 1 },
  { workflow: 'planning a meeting with its formøte', most: 8, step: exactly(MEETING_STEP), per: () => 1 },
  {
    workflow: `a vote of ${VOTERS} voters (per ballot, batched)`,
    most: 2,
    step: exactly(voteStep(VOTERS)),
    per: (r) => r.records,
  },
];

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;

export function graphGoalLines(section: HearingGraphSection | undefined, workflows?: GraphWorkflowsSection): string[] {
  const unthrottled = [...(section?.runs ?? []), ...(workflows?.runs ?? [])].filter((r) => r.throttledShare === 0);
  return [
    '## Graph requests per workflow (issue 13, part 4)',
    '',
    'From the hearing workflow, the meeting and the vote on the fake Graph below, without throttling; a `$batch` counts as one request.',
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
