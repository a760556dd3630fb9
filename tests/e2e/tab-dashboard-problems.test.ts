import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab.mjs';
import { JOBS, failedWith, newJob } from '../../src/app/scheduling/job';
import { jobRef } from '../../src/app/scheduling/job-ref';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { seedForTab } from '../fixtures/tab-seed';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';
import { launchChromium } from './fixtures/playground-session';
import { expectAccessible, openInHost } from './fixtures/tab-host';

// The dashboard's failed jobs (issue 11): the coordinator tries one again there, by keyboard.
const now = new Date('2026-11-23T10:00:00Z');
const id = 'vote-close:E2E01:late';
let bot: BotUnderTest;
let browser: Browser;
let origin = '';

beforeAll(async () => {
  await buildTab({ quiet: true });
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
  origin = new URL(bot.url).origin;
  await seedForTab(bot);
  const job = newJob({ id, kind: 'vote.close-at-deadline', dueAt: now, payload: { voteId: 'E2E01' } }, now);
  await bot.samrad.store.create(JOBS, id, failedWith(job, 'ECONNREFUSED', now));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await bot.stop();
});

describe("the dashboard's failed jobs", () => {
  it('the coordinator tries a failed job again by keyboard, in English, without typing its id', async () => {
    const { page, tab } = await openInHost(browser, origin, { as: 'coordinator', view: 'dashboard', lang: 'en' });
    const retry = tab.getByRole('button', { name: new RegExp(`^Try again ${jobRef(id)}: `) });
    await retry.waitFor();
    await expectAccessible(page);
    await retry.focus();
    await page.keyboard.press('Enter');
    await tab
      .getByText(`(${jobRef(id)})`, { exact: false })
      .first()
      .waitFor();
    await expect
      .poll(async () => (await bot.samrad.store.get<{ state: string }>(JOBS, id))?.value.state)
      .toBe('pending');
    await retry.waitFor({ state: 'detached' });
    await page.close();
  });
});
