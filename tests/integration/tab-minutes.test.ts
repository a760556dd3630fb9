import { describe, expect, it } from 'vitest';
import { seedMinutesToApprove } from '../fixtures/tab-seed';
import { tabUnderTest } from '../fixtures/tab-under-test';

// Minutes to approve in "Mitt arbeid" (issue 11): listed for those who took part, approved there
// through the card's own action (minutes.approve), and gone once this member has approved.
const tab = tabUnderTest({ seed: seedMinutesToApprove });
const { call } = tab;

interface Item {
  kind: string;
  meetingId?: string;
  revision?: number;
  decisions?: { decision: string }[];
}
const minutesOf = async (person: string): Promise<Item[]> =>
  ((await call(person, 'my-work')).body.items as Item[]).filter((i) => i.kind === 'minutes');

describe('minutes to approve in My work', () => {
  it('lists the minutes with every vedtak for each who took part, not those with a vedtak missing', async () => {
    const [ola] = await minutesOf('board-member');
    expect(ola).toMatchObject({
      kind: 'minutes',
      meetingId: 'M4STY',
      revision: 3,
      title: 'Styremøte i oktober',
      body: 'Samarbeidsstyret',
      approvals: 0,
      needed: 2,
    });
    expect(ola!.decisions!.map((d) => d.decision)).toEqual([
      'Styret slutter seg til avtalen.',
      'Styret vedtar budsjettet for 2027.',
    ]);
    expect((await minutesOf('board-member')).map((i) => i.meetingId)).toEqual(['M4STY']);
    expect((await minutesOf('respondent')).map((i) => i.meetingId)).toEqual(['M4STY']);
    // Ingrid did not take part: nothing to approve.
    expect(await minutesOf('coordinator')).toEqual([]);
  });

  it('a member approves there; the item leaves her list only, and a second press changes nothing', async () => {
    const body = { meetingId: 'M4STY', revision: 3, actionId: 'approve-m4-1' };
    const given = await call('board-member', 'actions/minutes.approve', { method: 'POST', body });
    expect(given.status).toBe(200);
    expect(given.body.notice).toContain('Godkjenningen din er registrert');
    expect(await minutesOf('board-member')).toEqual([]);
    expect(await minutesOf('respondent')).toMatchObject([{ meetingId: 'M4STY', approvals: 1 }]);
    await call('board-member', 'actions/minutes.approve', { method: 'POST', body });
    const record = await tab.bot.samrad.store.get<{ memberApprovals: { memberId: string }[] }>('minutes', 'M4STY');
    expect(record?.value.memberApprovals.map((a) => a.memberId)).toEqual(['ola-berg']);
  });

  it('the second approval approves the minutes, and an old revision is refused in English', async () => {
    const stale = await call('respondent', 'actions/minutes.approve', {
      method: 'POST',
      lang: 'en',
      body: { meetingId: 'M4STY', revision: 2, actionId: 'approve-m4-old' },
    });
    expect(stale.body.notice).toContain('The minutes were changed');
    expect(await minutesOf('respondent')).toHaveLength(1);
    await call('respondent', 'actions/minutes.approve', {
      method: 'POST',
      body: { meetingId: 'M4STY', revision: 3, actionId: 'approve-m4-2' },
    });
    const record = await tab.bot.samrad.store.get<{ minutes: { status: string } }>('minutes', 'M4STY');
    expect(record?.value.minutes.status).toBe('approved');
    expect(await minutesOf('respondent')).toEqual([]);
  });
});
