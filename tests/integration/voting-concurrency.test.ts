import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { boardYaml, coordinatorOf, voterOf } from '../fixtures/large-organisation-yaml';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { organisationYaml: boardYaml(200) });
});
afterAll(async () => bot.stop());

const where = { kind: 'channel' as const };

describe('200 people voting at the same moment, over HTTP', () => {
  it('gives an exact tally; double clicks and retried invokes count once', async () => {
    const opened = await bot.post(
      cardAction(bot.connector.url, coordinatorOf(), 'vote.open', { title: 'Budsjett', body: 'styret' }, where),
    );
    const id = /Avstemning ([A-Z0-9]{5})/.exec(opened.body)![1]!;
    const option = (i: number) => (i % 4 === 0 ? 'against' : i % 10 === 1 ? 'abstain' : 'for');
    const presses = Array.from({ length: 200 }, (_, i) =>
      bot.post(
        cardAction(bot.connector.url, voterOf(i), 'vote.cast', { voteId: id, option: option(i) }, where, `invoke-${i}`),
      ),
    );
    // Every tenth voter double-clicks (a new invoke id), every seventh invoke is retried (the same id).
    for (let i = 0; i < 200; i += 10)
      presses.push(
        bot.post(cardAction(bot.connector.url, voterOf(i), 'vote.cast', { voteId: id, option: option(i) }, where)),
      );
    for (let i = 0; i < 200; i += 7)
      presses.push(
        bot.post(
          cardAction(
            bot.connector.url,
            voterOf(i),
            'vote.cast',
            { voteId: id, option: option(i) },
            where,
            `invoke-${i}`,
          ),
        ),
      );
    const responses = await Promise.all(presses);
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect(responses.filter((r) => r.body.includes('Du har stemt'))).toHaveLength(presses.length);

    const box = await bot.samrad.store.get<{ ballots: { voterKey: string; option: string }[] }>('ballotBoxes', id);
    expect(box?.value.ballots).toHaveLength(200); // one version each: nothing counted twice
    const expected = { for: 0, against: 0, abstain: 0 } as Record<string, number>;
    for (let i = 0; i < 200; i++) expected[option(i)]!++;
    const counted = { for: 0, against: 0, abstain: 0 } as Record<string, number>;
    for (const b of box!.value.ballots) counted[b.option]!++;
    expect(counted).toEqual(expected);
    expect(bot.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
