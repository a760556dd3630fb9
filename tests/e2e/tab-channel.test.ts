import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab.mjs';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { Started } from '../fixtures/started';
import { seedBodyHistory, seedForTab } from '../fixtures/tab-seed';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';
import { launchChromium } from './fixtures/playground-session';
import { expectAccessible, openInHost, painted } from './fixtures/tab-host';

// The channel tab of a body (issue 11) in Chromium inside the local Teams host.
const now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let browser: Browser;
let origin = '';
const started = new Started();

beforeAll(async () => {
  const report = await buildTab({ quiet: true });
  expect(report.initialJsGzipBytes).toBeLessThanOrEqual(250 * 1024);
  bot = started.add(await startBot({}, { clock: { now: () => now }, timer: idleTimer }), (b) => b.stop());
  origin = new URL(bot.url).origin;
  await seedForTab(bot);
  await seedBodyHistory(bot);
  browser = started.add(await launchChromium(), (b) => b.close());
});
afterAll(() => started.stopAll());

describe("a body's channel tab in the local Teams host", () => {
  it('is set up for the board by keyboard, then shows its meetings, decisions and documents and searches them', async () => {
    const { page, tab } = await openInHost(browser, origin, { as: 'coordinator', view: 'config' }, 'select');
    expect(await tab.locator('h1').innerText()).toBe('Legg til Samråd i kanalen');
    // Teams' Save stays disabled until a body is chosen.
    expect(await page.locator('#save').isDisabled()).toBe(true);
    await expectAccessible(page);
    await tab.getByLabel('Organ').focus();
    await page.keyboard.press('ArrowDown'); // Samarbeidsstyret, the first body
    await tab.getByText('Fanen viser Samarbeidsstyret. Trykk Lagre.').waitFor();
    await page.locator('#save').focus();
    await page.keyboard.press('Enter');
    await page.locator('#saved').getByText('/tab/channel?body=styret').waitFor();
    // As Teams does after Save, the host opens the content address the settings chose.
    await tab.getByRole('heading', { level: 1, name: 'Samarbeidsstyret: møter, vedtak og dokumenter' }).waitFor();
    const text = await tab.locator('body').innerText();
    expect(text).toContain('Styremøte, 10.12.2026 kl. 10.00');
    expect(text).toContain('Saker: 2');
    expect(text).toContain('Holdt');
    expect(text).toContain('Vedtak funnet: 2. Viser 2, nyeste først.');
    expect(text).toContain('oppfølging forsinket (1 over fristen, 1 åpne)');
    expect(text).not.toContain('OSU ber partene');
    expect(await tab.getByRole('link', { name: 'Protokoll' }).getAttribute('href')).toBe(
      'https://example.sharepoint.com/Samrad/protokoll.docx',
    );
    expect(await tab.getByRole('link', { name: 'Saksgrunnlag' }).count()).toBe(0);
    // Search the register with the keyboard only: Tab from the page into the search field.
    await tab.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await tab.evaluate('document.activeElement?.getAttribute("type")')).toBe('search');
    await page.keyboard.type('kontingent');
    await tab.getByText('Vedtak funnet: 1. Viser 1, nyeste først.').waitFor();
    expect(await tab.getByText('Kontingenten er kr 3,50 per innbygger.').count()).toBe(1);
    expect(await tab.getByText('Styret vedtar handlingsplanen for 2026.').count()).toBe(0);
    await page.keyboard.type(' legevakt');
    await tab.getByText('Ingen vedtak passer til «kontingent legevakt».').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await tab.getByText('Vedtak funnet: 2. Viser 2, nyeste først.').waitFor();
    await painted(tab);
    await page.screenshot({ path: 'docs/screenshots/tab-channel.png' });
    await expectAccessible(page);
    await page.close();
  });

  it('in English and the dark theme for a board member, accessible', async () => {
    const { page, tab } = await openInHost(browser, origin, {
      as: 'board-member',
      view: 'channel',
      body: 'styret',
      theme: 'dark',
      lang: 'en',
    });
    await tab.getByRole('heading', { level: 1, name: 'Samarbeidsstyret: meetings, decisions and documents' }).waitFor();
    const text = await tab.locator('body').innerText();
    expect(text).toContain('Styremøte, 10 Dec 2026 10:00');
    expect(text).toContain('Decisions found: 2. Showing 2, newest first.');
    expect(text).toContain('follow-up overdue (1 past due, 1 open)');
    expect(text).toContain('minutes approved');
    expect(await tab.getByRole('link', { name: 'Case 6/2026: Handlingsplan 2026 (PDF)' }).count()).toBe(1);
    await expectAccessible(page);
    await page.close();
  });

  it('says so when the body the tab was set up for is gone', async () => {
    const { page, tab } = await openInHost(
      browser,
      origin,
      { as: 'respondent', view: 'channel', body: 'nedlagt' },
      '[role="alert"], p',
    );
    await tab.getByText('Samråd kjenner ikke organet denne fanen er satt opp for.', { exact: false }).waitFor();
    await page.close();
  });
});
