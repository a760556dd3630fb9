import { describe, expect, it } from 'vitest';
import { RECORD_PARTS } from '../../../src/adapters/sharepoint/split-records';
import { fakeTenant } from '../../fixtures/bot-on-tenant';
import { MULTI_LINE_MAX } from '../../fakes/fake-graph/list-limits';
import { listItemsOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

/*
 * The orphan-part sweep as the server runs it: composed on SharePoint (the faithful fake Graph),
 * the daily retention job, with nothing but the bot's own clock and job runner. Unit and
 * contract tests show the sweep itself; this one shows it is wired in.
 */
const DAY = 24 * 60 * 60_000;
const tenant = fakeTenant();

describe('the server composed on SharePoint', () => {
  it('removes a part no record points at in its daily retention run, once the part is a day old, and keeps live parts', async () => {
    let offsetMs = 0;
    const { bot, fake } = await tenant({ bot: { clock: { now: () => new Date(Date.now() + offsetMs) } } });
    // A record spanning two items of the multi-line column (Microsoft's documented 63,999), and
    // the part of a write that died before its record was written.
    await bot.samrad.store.create('minutes', 'MIN1', { text: 'a'.repeat(MULTI_LINE_MAX + 1_000) });
    const items = await listItemsOnFake(fake);
    await items.create(RECORD_PARTS, 'minutes/MIN9/deadbeef0001/0', { text: 'x' });
    const parts = async () => (await items.find(RECORD_PARTS)).map((p) => p.id);
    const live = (await parts()).filter((id) => id.startsWith('minutes/MIN1/'));
    expect(live.length).toBeGreaterThan(0);

    // Today's run leaves the orphan: it is younger than a day, so it may be a write under way.
    await bot.samrad.jobs.runDue();
    expect(await parts()).toContain('minutes/MIN9/deadbeef0001/0');

    // Two days on, the next daily run removes it.
    offsetMs = 2 * DAY;
    for (let i = 0; i < 5 && (await parts()).includes('minutes/MIN9/deadbeef0001/0'); i++) {
      await bot.samrad.jobs.runDue();
    }
    expect((await parts()).sort()).toEqual([...live].sort());
    expect(await bot.samrad.store.get('minutes', 'MIN1')).toMatchObject({
      value: { text: 'a'.repeat(MULTI_LINE_MAX + 1_000) },
    });
  });
});
