import { describe, expect, it } from 'vitest';
import { press } from '../fixtures/tab-seed';
import { TAB_NOW, tabUnderTest } from '../fixtures/tab-under-test';
import { TeamsLimitEnforcer } from '../fixtures/teams-limit-enforcer';

/**
 * A ballot cast in the tab is the card's own action, so the vote card posted in the channel
 * follows it as it follows a ballot cast on the card: one paced update at the end of the
 * window, never inside the request. Time is the app's fake clock; the test runs what is due.
 */
let now = TAB_NOW;
let channelVoteId = '';
const tab = tabUnderTest({
  clock: { now: () => now },
  seed: async (bot) => {
    const coordinator = { id: '29:ingrid', name: 'Ingrid Haugen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000001' };
    const opened = await press(
      bot,
      coordinator,
      'vote.open',
      { title: 'Budsjett 2027', body: 'styret' },
      { kind: 'channel' },
    );
    channelVoteId = /Avstemning ([A-Z0-9]{5})/.exec(opened)![1]!;
  },
});

const channelCardUpdates = () =>
  tab.bot.connector.updated
    .map((u) => JSON.stringify(u.activity))
    .filter((a) => a.includes(`Avstemning ${channelVoteId}`));

describe('a ballot cast in the tab updates the vote card in the channel', () => {
  it('the posted card shows the ballot after one paced update, with no one’s own choice on it', async () => {
    tab.bot.connector.limits = new TeamsLimitEnforcer();
    tab.bot.connector.clear();
    const work = (await tab.call('board-member', 'my-work')).body.items as {
      kind: string;
      voteId?: string;
      voterKey?: string;
    }[];
    const vote = work.find((i) => i.kind === 'vote' && i.voteId === channelVoteId);
    expect(vote, 'the channel vote is in the member’s work').toBeDefined();
    const cast = await tab.call('board-member', 'actions/vote.cast', {
      body: { voteId: channelVoteId, option: 'for', voterKey: vote!.voterKey, actionId: 'tab-press-1' },
    });
    expect(cast.status).toBe(200);
    // Nothing inside the request: the update is a job through the paced sender.
    expect(channelCardUpdates()).toHaveLength(0);
    now = new Date(now.getTime() + 2_100);
    await tab.bot.samrad.jobs.runDue(now);
    const updates = channelCardUpdates();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatch(/1 av \d+ har stemt/);
    expect(updates[0]).not.toContain('Du har stemt');
  });
});
