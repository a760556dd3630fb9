import { afterEach, describe, expect, it } from 'vitest';
import { SealedBallotBoxes } from '../../../src/app/voting/sealed-ballot-boxes';
import type { Clock } from '../../../src/ports/clock';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { projectionOnFake, rowsOf } from '../../fakes/fake-graph/result-lists-on-fake';
import { choices, runSecretVote } from '../forensics/secret-vote-run';
import { now, org } from '../../unit/voting/voting-fixtures';

const clock: Clock = { now: () => now };
let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const voterKeys = choices.map(([voter]) => voter);
const optionWords = ['for', 'against', 'abstain', 'For', 'Mot', 'Avstår'];

describe('a secret vote in the Avstemninger list', () => {
  it('shows its settings and totals once closed, and no version of any row holds a voter or a choice of anyone', async () => {
    fake = await FakeGraph.start();
    const p = await projectionOnFake(fake, () => org, {
      clock,
      wrap: (s) => new SealedBallotBoxes(s, 'a key from the environment, 32+ chars'),
    });
    const whileOpen: Record<string, unknown>[] = [];
    const voteId = await runSecretVote(p.store, async (step) => {
      await p.project();
      if (step > 0 && step <= choices.length) whileOpen.push(rowsOf(fake!, 'SamradVotes')[0]!);
    });
    await p.project();
    const [row] = rowsOf(fake, 'SamradVotes');
    expect(row).toMatchObject({
      SamradKey: `votes/${voteId}`,
      VoteState: 'Avsluttet',
      Secrecy: 'Hemmelig',
      Eligible: 7,
      Voted: 7,
      For: 4,
      Against: 2,
      Abstained: 1,
      Outcome: 'Vedtatt',
      QuorumMet: true,
    });
    // While open: only how many have voted, rising one by one; never a count per option.
    expect(whileOpen.map((r) => r.Voted)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(whileOpen.every((r) => r.For === null && r.Against === null && r.Results === null)).toBe(true);
    // Every version the list kept, as a site owner reads them: no voter key anywhere.
    const list = fake.lists.list('SamradVotes')!;
    const history = fake.lists.versions.all(list.id).map((v) => JSON.stringify(v.fields));
    expect(history.length).toBeGreaterThan(1);
    for (const text of history) for (const key of voterKeys) expect(text).not.toMatch(new RegExp(`"${key}"`));
    // The totals appear in one version only: the one written at closing.
    expect(history.filter((text) => text.includes('"For":4'))).toHaveLength(1);
    expect(history.filter((text) => optionWords.some((w) => text.includes(`"Results":"${w}`)))).toHaveLength(1);
  });
});
