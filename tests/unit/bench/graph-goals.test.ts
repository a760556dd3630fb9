import { describe, expect, it } from 'vitest';
import { MEETING_STEP, voteStep } from '../../../bench/graph-workflows-bench';
import { graphGoalLines } from '../../../bench/harness/graph-goals';

const run = (step: string, httpRequests: number, records: number, throttledShare = 0) => ({
  step,
  throttledShare,
  httpRequests,
  subRequests: 0,
  throttled: 0,
  retryAfterAskedS: 0,
  wallMs: 0,
  records,
});

describe("the bench's Graph-goals table (issue 13 part 4)", () => {
  it('reads planning a meeting and a vote of 356 from their runs: per workflow and per ballot, unthrottled only', () => {
    const lines = graphGoalLines(
      { runs: [run('record 356 responses (hearing.submit, one after another)', 1068, 356)] },
      { runs: [run(MEETING_STEP, 32, 1), run(voteStep(356), 400, 356), run(voteStep(356), 9000, 356, 0.3)] },
    );
    expect(lines).toContain('| one hearing response | 3 | 3 | yes |');
    expect(lines).toContain('| planning a meeting with its formøte | 32 | 8 | **no** |');
    expect(lines).toContain('| a vote of 356 voters (per ballot, batched) | 1.1 | 2 | yes |');
    expect(lines).toContain('| distributing a hearing to 356 municipalities | – (section not run) | 170 | – |');
  });
});
