import { afterEach, describe, expect, it } from 'vitest';
import { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import { DriveDocumentLibrary } from '../../../src/adapters/sharepoint/drive-document-library';
import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { message, people } from '../../fixtures/activities';
import { startBotOnFakeGraph } from '../../fixtures/bot-on-fake-graph';
import { startBot, type BotUnderTest } from '../../fixtures/bot-under-test';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

let fake: FakeGraph | undefined;
let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = fake = undefined;
});

describe('the server with a tenant configured', () => {
  it('keeps its records in the SharePoint list, signed in with the app token, and documents in the library', async () => {
    fake = await FakeGraph.start({ driveId: 'b!docs' });
    await provisionSite(graphOnFake(fake).http, fake.lists.siteId);
    bot = await startBotOnFakeGraph(fake, { documentsDriveId: 'b!docs' });
    expect(bot.samrad.store).toBeInstanceOf(SharePointStore);
    expect(bot.samrad.documents).toBeInstanceOf(DriveDocumentLibrary);
    const before = fake.requests.length;

    const res = await bot.post(message(bot.connector.url, people.coordinator, 'hjelp'));
    expect(res.status).toBe(200);
    const list = fake.lists.list('SamradRecords')!;
    const collections = [...list.items.values()].map((i) => i.fields.Collection);
    expect(collections).toContain('conversations');
    const sent = fake.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.token === 'fake-app-token' && r.userAgent.startsWith('ISV|Samrad|Samrad/'))).toBe(true);
  });

  it('stays on SQLite without one', async () => {
    bot = await startBot();
    expect(bot.samrad.store).not.toBeInstanceOf(SharePointStore);
  });
});
