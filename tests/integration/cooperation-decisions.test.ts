import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { heldMeeting, minutesRecord, type HeldCase } from '../fixtures/held-meetings';

const now = new Date('2026-06-01T10:00:00Z');
let bot: BotUnderTest;

/** Meetings and minutes as the minutes workflow leaves them; the register only reads them. */
const meeting = (id: string, bodyId: string, start: string, cases: HeldCase[]) =>
  heldMeeting({ id, bodyId, title: `Møte ${id}`, start, cases });
const minutes = minutesRecord;

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
  const { store } = bot.samrad;
  await store.create(
    'meetings',
    'M2STY',
    meeting('M2STY', 'styret', '2026-03-10T08:00:00Z', [
      { id: 'i1', number: 6, title: 'Handlingsplan 2026' },
      { id: 'i2', number: 7, title: 'Kontingent' },
    ]),
  );
  await store.create(
    'meetings',
    'M3OSU',
    meeting('M3OSU', 'osu', '2026-05-20T08:00:00Z', [{ id: 'j1', number: 12, title: 'Utskrivningsklare pasienter' }]),
  );
  await store.create(
    'minutes',
    'M2STY',
    minutes('M2STY', 'styret', 'approved', [
      { itemId: 'i1', decision: 'Styret vedtar handlingsplanen for 2026.' },
      { itemId: 'i2', decision: 'Kontingenten er kr 3,50 per innbygger.' },
    ]),
  );
  await store.create(
    'minutes',
    'M3OSU',
    minutes('M3OSU', 'osu', 'draft', [{ itemId: 'j1', decision: 'OSU ber partene lage en felles rutine.' }]),
  );
  await store.create('followUps', 'F1', {
    id: 'F1',
    meetingId: 'M3OSU',
    bodyId: 'osu',
    itemId: 'j1',
    caseNumber: { number: 12, year: 2026 },
    description: 'Rutine',
    owner: 'ingrid-haugen',
    due: '2026-05-25',
    status: 'open',
    createdAt: '2026-05-20T10:00:00Z',
  });
});
afterAll(async () => {
  await bot.stop();
});

const say = async (from: Person, text: string, locale?: string) => {
  bot.connector.clear();
  const res = await bot.post(message(bot.connector.url, from, text, { kind: 'personal', ...(locale && { locale }) }));
  expect(res.status).toBe(200);
  return bot.connector.texts().join('\n');
};

describe('vedtak / decisions over HTTP', () => {
  it('vedtak lists every body’s decisions, newest first, with the follow-up status', async () => {
    const out = await say(people.respondent, 'vedtak');
    expect(out).toContain('3 vedtak funnet; 3 vist, nyeste først.');
    expect(out.indexOf('Sak 12/2026')).toBeLessThan(out.indexOf('Sak 6/2026'));
    expect(out).toContain('oppfølging forsinket (1 over fristen, 1 åpne)');
    expect(out).toContain('protokoll ikke godkjent ennå');
  });

  it('searches by body and words, and by case number', async () => {
    const board = await say(people.respondent, 'vedtak styret kontingent');
    expect(board).toContain('1 vedtak funnet');
    expect(board).toContain('Kontingenten er kr 3,50 per innbygger.');
    expect(await say(people.respondent, 'vedtak 12/2026')).toContain('Utskrivningsklare pasienter');
  });

  it('decisions in English, and a search that finds nothing says how to search', async () => {
    expect(await say(people.boardMember, 'decisions osu', 'en-US')).toContain(
      '1 decision found; 1 shown, newest first.',
    );
    expect(await say(people.boardMember, 'decisions legevakt', 'en-US')).toContain('No decision matches "legevakt"');
  });

  it('exports the register as a formula-safe CSV behind a signed link', async () => {
    const out = await say(people.coordinator, 'vedtak 2026');
    const link = /https?:\/\/\S+vedtak\.csv\S+/.exec(out)?.[0];
    expect(link).toBeDefined();
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(body).toContain('Saksnr.,Organ,Møtedato,Sak,Vedtak,Protokoll,Oppfølging');
    expect(body).toContain(
      '6/2026,Samarbeidsstyret,10.03.2026,Handlingsplan 2026,Styret vedtar handlingsplanen for 2026.,protokoll godkjent,ingen oppfølgingsoppgaver',
    );
  });
});
