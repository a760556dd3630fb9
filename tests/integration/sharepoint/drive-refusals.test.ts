import { afterEach, describe, expect, it } from 'vitest';
import { DriveDocumentLibrary } from '../../../src/adapters/sharepoint/drive-document-library';
import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { message, people } from '../../fixtures/activities';
import { startBotOnFakeGraph } from '../../fixtures/bot-on-fake-graph';
import type { BotUnderTest } from '../../fixtures/bot-under-test';
import { registerSmallHearing } from '../../fixtures/small-hearing';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';
import { idleTimer } from '../../unit/scheduling/scheduling-fixtures';

/*
 * The document library when SharePoint says 423 Locked (the file is open or checked out) or
 * 409 Conflict (another write to the path): the upload is tried again by a defined rule and
 * the archive job keeps the document until it is saved.
 */
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const bytes = Buffer.from('PK\u0003\u0004 docx');
const statementPath = 'Høringer/2026/ny-forskrift-felles-uttalelse.docx';

let fake: FakeGraph | undefined;
let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = fake = undefined;
});

const puts = () => fake!.count('PUT', /:\/content$/);

describe('the drive adapter on 409 and 423', () => {
  it('a 409 is uploaded again at once and saves once; three in a row are DOCUMENTS.CONFLICT', async () => {
    fake = await FakeGraph.start({ driveId: 'b!lib' });
    const library = new DriveDocumentLibrary(graphOnFake(fake).http, 'b!lib');
    fake.drive.conflictNext = 1;
    await library.save('Referater/a.docx', bytes, DOCX);
    expect([puts(), fake.drive.uploads]).toEqual([2, 1]);
    fake.drive.conflictNext = 3;
    await expect(library.save('Referater/a.docx', bytes, DOCX)).rejects.toThrow('DOCUMENTS.CONFLICT: Referater/a.docx');
    expect([puts(), fake.drive.uploads]).toEqual([5, 1]);
  });

  it('a 423 is DOCUMENTS.LOCKED at once, without hammering the locked file', async () => {
    fake = await FakeGraph.start({ driveId: 'b!lib' });
    const library = new DriveDocumentLibrary(graphOnFake(fake).http, 'b!lib');
    fake.drive.locked.add('Referater/a.docx');
    await expect(library.save('Referater/a.docx', bytes, DOCX)).rejects.toThrow('DOCUMENTS.LOCKED: Referater/a.docx');
    expect(puts()).toBe(1);
  });
});

describe('the archive job while the file is locked in SharePoint', () => {
  it('waits a quarter of an hour between tries and saves the statement once the lock is gone', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    fake = await FakeGraph.start({ driveId: 'b!docs' });
    await provisionSite(graphOnFake(fake).http, fake.lists.siteId);
    bot = await startBotOnFakeGraph(
      fake,
      { documentsDriveId: 'b!docs' },
      { clock: { now: () => now }, timer: idleTimer },
    );
    const id = await registerSmallHearing(bot);
    await bot.samrad.jobs.runDue(now); // distributes the hearing
    fake.drive.locked.add(statementPath); // someone has the last version open in Word
    await bot.post(message(bot.connector.url, people.coordinator, `sammenstill høring ${id}`));
    await bot.samrad.jobs.runDue(now);
    await bot.samrad.jobs.runDue(now);

    const archive = async () =>
      (
        await bot!.samrad.store.find<{ id: string; state: string; dueAt: string; lastError?: string }>('jobs', {
          kind: 'document.archive',
        })
      )
        .map((j) => j.value)
        .find((j) => j.id.startsWith('archive:joint-statement:'));
    const locked = await archive();
    expect(locked).toMatchObject({ state: 'pending', lastError: `DOCUMENTS.LOCKED: ${statementPath}` });
    expect(Date.parse(locked!.dueAt) - now.getTime()).toBe(15 * 60_000);
    expect(fake.drive.files.has(statementPath)).toBe(false);

    fake.drive.locked.delete(statementPath);
    now = new Date(now.getTime() + 15 * 60_000);
    await bot.samrad.jobs.runDue(now);
    expect(fake.drive.files.has(statementPath)).toBe(true);
    expect((await archive())?.state).toBe('done');
  });
});
