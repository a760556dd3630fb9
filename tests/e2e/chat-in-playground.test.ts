import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeSamrad, type Samrad } from '../../src/compose';
import { silentLogger } from '../../src/log';
import { temporaryLocalConfig } from '../fixtures/local-config';
import { Started } from '../fixtures/started';
import { launchChromium, PlaygroundSession } from './fixtures/playground-session';

/** The bot keeps running while the playground is restarted as each person in turn. */
let samrad: Samrad;
let botUrl: string;
let browser: Browser;
let session: PlaygroundSession | undefined;
const started = new Started();

beforeAll(async () => {
  samrad = started.add(
    await composeSamrad(temporaryLocalConfig({ prefix: 'samrad-e2e-' }), { log: silentLogger }),
    (s) => s.close(),
  );
  botUrl = await samrad.listen();
  browser = started.add(await launchChromium(), (b) => b.close());
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    await session?.screenshot(`failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  await session?.close();
  session = undefined;
});

afterAll(() => started.stopAll());

describe('Samråd in the Agents Playground', () => {
  it('the coordinator gets the welcome card and, on hjelp, the help card with coordinator commands', async () => {
    session = await PlaygroundSession.open(browser, 'coordinator', botUrl);
    await session.open('Personal Chat');
    // The playground's client locale is en-US, so the unprompted welcome is in English.
    await session.card('Welcome to Samråd').waitFor();
    await session.say('hjelp');
    const help = session.card('Hva Samråd kan gjøre for deg');
    await help.waitFor();
    await expect(help.textContent()).resolves.toContain('synkroniser');
    await expect(help.textContent()).resolves.toContain('Hei, Ingrid Haugen! Du er registrert som koordinator');
    await session.screenshot('personal-help');
  });

  it('in a team channel, @Samråd hjelp shows the help card in the thread', async () => {
    session = await PlaygroundSession.open(browser, 'coordinator', botUrl);
    await session.open('General');
    await session.say('hjelp', { mention: true });
    const thread = session.page.locator('.fui-Card[role=group]').filter({ hasText: 'Hva Samråd kan gjøre for deg' });
    await thread.locator('.ac-adaptiveCard').filter({ hasText: 'medlemmer [organ]' }).waitFor();
    await session.screenshot('channel-help');
    const channels = await samrad.store.find<{ kind: string; teamId?: string }>('conversations', { kind: 'channel' });
    expect(channels.map((c) => c.value.teamId)).toContain('19:khs-general@thread.tacv2');
  });

  it('in the group chat an English command answers in English', async () => {
    session = await PlaygroundSession.open(browser, 'board-member', botUrl);
    await session.open('Sekretariatet');
    await session.say('members OSU', { mention: true });
    const card = session.card('Overordnet samarbeidsutvalg');
    await card.waitFor();
    await expect(card.textContent()).resolves.toMatch(/\d+ members/);
    await session.screenshot('groupchat-members');
  });

  it('a board member does not see coordinator commands and a typo gets a suggestion', async () => {
    session = await PlaygroundSession.open(browser, 'board-member', botUrl);
    await session.open('Personal Chat');
    await session.say('hjelp');
    const help = session.card('Hva Samråd kan gjøre for deg');
    await help.waitFor();
    await expect(help.textContent()).resolves.not.toContain('synkroniser');
    await session.say('kommunner');
    await session.message(/Mente du «kommuner»\?/).waitFor();
  });

  it('an unregistered person is told politely that the coordinator must add them', async () => {
    session = await PlaygroundSession.open(browser, 'stranger', botUrl);
    await session.open('Personal Chat');
    await session.say('hjelp');
    const answer = session.message(/Koordinatoren \(Ingrid Haugen\) må legge deg til i Samråd/);
    await answer.waitFor();
    await expect(answer.textContent()).resolves.toContain('ukjent.bruker');
    await session.screenshot('stranger');
  });

  it('a guest from another tenant is recognised by the address in their guest UPN', async () => {
    session = await PlaygroundSession.open(browser, 'guest', botUrl);
    await session.open('Personal Chat');
    await session.say('hvem er jeg');
    const card = session.card('Siri Lie');
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('Medlem i Samarbeidsstyret, for Drammen');
    const link = await samrad.store.get<{ memberId: string }>('identityLinks', '6f1c2a4e-1b2c-4d3e-8f40-00000000000a');
    expect(link?.value.memberId).toBe('siri-lie');
  });
});
