import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cardAction, message, people } from '../../fixtures/activities';
import type { BotUnderTest } from '../../fixtures/bot-under-test';
import { fakeTenant, type OnTenant } from '../../fixtures/bot-on-tenant';
import { expectValidCards } from '../../fixtures/card-validation';
import { registerSmallHearing } from '../../fixtures/small-hearing';
import { documentXml } from '../../unit/exports/read-docx';
import { idleTimer } from '../../unit/scheduling/scheduling-fixtures';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const statementPath = 'Høringer/2026/ny-forskrift-felles-uttalelse.docx';
const responsesPath = 'Høringer/2026/ny-forskrift-høringssvar.csv';

let now = new Date('2026-11-23T10:00:00Z');
const tenant = fakeTenant();

/** The product on the fake tenant: records in the SharePoint list, documents in the drive. */
function onTenant(): Promise<OnTenant> {
  now = new Date('2026-11-23T10:00:00Z');
  return tenant({
    fake: { driveId: 'b!docs' },
    graph: { documentsDriveId: 'b!docs' },
    bot: { clock: { now: () => now }, timer: idleTimer },
  });
}

/** Registers a hearing; `card()` compiles it as the coordinator and returns the cards shown. */
async function compile(bot: BotUnderTest): Promise<{ card: () => Promise<string> }> {
  const id = await registerSmallHearing(bot);
  const card = async () => {
    bot.connector.clear();
    await bot.post(message(bot.connector.url, people.coordinator, `sammenstill høring ${id}`));
    expectValidCards(bot.connector.cards());
    return JSON.stringify(bot.connector.cards());
  };
  return { card };
}
const run = async (bot: BotUnderTest) => {
  await bot.samrad.jobs.runDue(now);
  await bot.samrad.jobs.runDue(now);
};

describe('finished documents go to the SharePoint document library (fake Graph)', () => {
  it('the compiled statement lands in the drive once, and the card then links to it', async () => {
    const { bot, fake } = await onTenant();
    const { card } = await compile(bot);
    expect(await card()).not.toContain('Åpne i dokumentbiblioteket'); // not saved yet: no link
    await run(bot);
    await run(bot);
    expect(fake.drive.uploads).toBe(2);
    const statement = fake.drive.files.get(statementPath);
    expect(statement?.contentType).toBe(DOCX);
    expect(documentXml(statement!.bytes)).toContain('Enig?');
    expect(fake.drive.files.get(responsesPath)?.bytes.toString('utf8')).toContain('Gol');

    const shown = await card();
    expect(shown).toContain('Åpne i dokumentbiblioteket');
    expect(shown).toContain(
      '"url":"https://contoso.sharepoint.com/sites/samrad/Shared%20Documents/H%C3%B8ringer/2026/ny-forskrift-felles-uttalelse.docx"',
    );
    expect(shown).toContain('uttalelse.docx?'); // the signed download stays beside it
    await run(bot);
    expect(fake.drive.uploads).toBe(2); // compiled again with nothing changed: nothing uploaded again
  });

  it('a throttled upload is retried by the scheduler and still saves once', async () => {
    const { bot, fake } = await onTenant();
    const { card } = await compile(bot);
    await bot.samrad.jobs.runDue(now); // distributes the hearing before the library is throttled
    // Enough 429s for both uploads to use up the Graph client's own retries.
    fake.drive.throttleNext = 12;
    await card();
    await run(bot);
    expect(fake.drive.uploads).toBe(0);
    // The library failing does not touch the answer in chat: the statement is shown, without the link.
    const meanwhile = await card();
    expect(meanwhile).toContain('Felles høringsuttalelse');
    expect(meanwhile).not.toContain('Åpne i dokumentbiblioteket');
    const jobs = (
      await bot.samrad.store.find<{ state: string; attempts: number; lastError?: string }>('jobs', {
        kind: 'document.archive',
      })
    ).map((j) => j.value);
    expect(jobs.map((j) => [j.state, j.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    expect(jobs[0]?.lastError).toMatch(/thrott|429/i);

    now = new Date(now.getTime() + 2 * 3_600_000); // past the scheduler's backoff
    await run(bot);
    await run(bot);
    expect(fake.drive.uploads).toBe(2);
    expect([...fake.drive.files.keys()].sort()).toEqual([statementPath, responsesPath].sort());
    expect(await card()).toContain('Åpne i dokumentbiblioteket');
  });

  it('approved minutes land in the drive, and the minutes card then links to them', async () => {
    const { bot, fake } = await onTenant();
    const press = async (verb: string, data: object) => {
      const res = await bot.post(
        cardAction(
          bot.connector.url,
          people.coordinator,
          verb,
          { lang: 'nb', ...data },
          { kind: 'personal' },
          randomUUID(),
        ),
      );
      const body = JSON.parse(res.body) as { type: string; value: unknown };
      if (body.type.endsWith('card.adaptive')) expectValidCards([body.value]);
      return JSON.stringify(body.value);
    };
    for (const [title, date] of [
      ['OSU desember', '2026-12-01'],
      ['OSU januar', '2026-12-15'],
    ])
      await press('meeting.create', { body: 'osu', title, date, startTime: '10:00', endTime: '12:00', online: 'true' });
    const osu = (await bot.samrad.store.find<{ id: string; title: string }>('meetings', { bodyId: 'osu' })).map(
      (r) => r.value,
    );
    const first = osu.find((m) => m.title === 'OSU desember')!;
    const second = osu.find((m) => m.title === 'OSU januar')!;
    now = new Date('2026-12-01T10:00:00Z');
    await bot.post(message(bot.connector.url, people.coordinator, `protokoll ${first.id}`));
    await press('minutes.save', { meetingId: first.id, revision: '1', 'decision-0': 'Godkjent.' });
    now = new Date('2026-12-15T10:00:00Z');
    await bot.post(message(bot.connector.url, people.coordinator, `protokoll ${second.id}`));
    await press('minutes.save', {
      meetingId: second.id,
      revision: '1',
      'decision-0': 'Protokollen fra forrige møte godkjennes.',
    });
    expect(await press('minutes.show', { meetingId: first.id })).not.toContain('Åpne i dokumentbiblioteket');
    await run(bot);
    const path = 'Protokoller/2026/overordnet-samarbeidsutvalg-møte-1-2026-v1.docx';
    expect(documentXml(fake.drive.files.get(path)!.bytes)).toContain('Godkjent.');
    const shown = await press('minutes.show', { meetingId: first.id });
    expect(shown).toContain('Åpne i dokumentbiblioteket');
    expect(shown).toContain('Protokoller/2026/overordnet-samarbeidsutvalg-m%C3%B8te-1-2026-v1.docx"');
  });
});
