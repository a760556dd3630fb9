import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab.mjs';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { seedForTab, seedMinutesToApprove } from '../fixtures/tab-seed';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';
import { launchChromium } from './fixtures/playground-session';
import { expectAccessible, expectSeen, openInHost } from './fixtures/tab-host';

// Minutes to approve in "Mitt arbeid" (issue 11): read and approved there by keyboard.
const now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let browser: Browser;
let origin = '';

beforeAll(async () => {
  await buildTab({ quiet: true });
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
  origin = new URL(bot.url).origin;
  await seedForTab(bot);
  await seedMinutesToApprove(bot);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await bot.stop();
});

describe('minutes to approve in My work', () => {
  it('a board member reads the decisions and approves the minutes by keyboard, in English and the dark theme', async () => {
    const { page, tab } = await openInHost(browser, origin, {
      as: 'board-member',
      view: 'my-work',
      theme: 'dark',
      lang: 'en',
    });
    const item = tab
      .getByRole('listitem')
      .filter({ hasText: 'Approve the minutes: Samarbeidsstyret, Styremøte i oktober' });
    await item.getByRole('button', { name: 'Open' }).focus();
    await page.keyboard.press('Enter');
    const decisions = item.getByRole('list', { name: 'The decisions you approve' });
    expect(await decisions.innerText()).toContain('Styret vedtar budsjettet for 2027.');
    expect(await item.innerText()).toContain('Approved by 0 of the 2 needed.');
    await expectSeen(decisions);
    await expectAccessible(page);
    await page.keyboard.press('Tab'); // Approve the minutes
    await page.keyboard.press('Enter');
    await tab.getByText('Thank you! Your approval is recorded.').waitFor();
    await item.waitFor({ state: 'detached' });
    const record = await bot.samrad.store.get<{ memberApprovals: { memberId: string }[] }>('minutes', 'M4STY');
    expect(record?.value.memberApprovals.map((a) => a.memberId)).toEqual(['ola-berg']);
    await page.close();
  });

  it('in bokmål for the respondent, who took part too', async () => {
    const { page, tab } = await openInHost(browser, origin, { as: 'respondent', view: 'my-work' });
    const item = tab
      .getByRole('listitem')
      .filter({ hasText: 'Godkjenn protokollen: Samarbeidsstyret, Styremøte i oktober' });
    await item.getByRole('button', { name: 'Åpne' }).click();
    expect(await item.innerText()).toContain('Godkjent av 1 av 2 som trengs.');
    await page.close();
  });
});
