import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installation, message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { expectValidCards } from '../fixtures/card-validation';

let now = new Date('2026-03-12T10:00:00Z');
const clock = { now: () => now };
let bot: BotUnderTest;

beforeAll(async () => {
  bot = await startBot({}, { clock });
  for (const p of [people.coordinator, people.boardMember]) await post(installation(bot.connector.url, p));
});
afterAll(async () => {
  await bot.stop();
});

const post = async (activity: object) => {
  const res = await bot.post(activity);
  expect(res.status).toBe(200);
};
/** What the person reads, with no-break spaces as plain ones (amounts use them so they never wrap). */
const say = async (from: Person, text: string, locale?: string) => {
  bot.connector.clear();
  await post(message(bot.connector.url, from, text, { kind: 'personal', ...(locale && { locale }) }));
  expectValidCards(bot.connector.cards());
  return bot.connector.everything().replace(/\u00a0/g, ' ');
};
const runDue = async () => {
  await bot.samrad.jobs.runDue(now);
  await bot.samrad.jobs.runDue(now);
};
const sentTo = (person: Person, words: string) =>
  bot.connector.sent.filter(
    (s) =>
      s.conversationId === `a:personal-${person.id}` && (s.activity.text ?? '').replace(/\u00a0/g, ' ').includes(words),
  );
const links = () => {
  const actions = (bot.connector.cards()[0]?.actions ?? []) as { url: string }[];
  return actions.map((a) => a.url);
};

describe('kontingent / fees over HTTP', () => {
  it('kontingent 2026 lists each municipality at kr 3,50 per inhabitant, the total, and that the figures are samples', async () => {
    const out = await say(people.coordinator, 'kontingent 2026');
    expect(out).toContain('Kontingent 2026');
    expect(out).toContain('kr 3,50 per innbygger etter innbyggertall per 1. januar 2026');
    expect(out).toContain('07459');
    expect(out).toContain('eksempelverdier');
    expect(out).toContain('Forfaller 15.01.2026');
    expect(out).toContain('kr 455 000,00'); // Bærum: 130 000 × 3,50
    expect(out).toContain('Til sammen: kr 1 744 400,00 fra 21 kommuner.');
  });

  it('fees 2026 answers in English', async () => {
    const out = await say(people.coordinator, 'fees 2026', 'en-US');
    expect(out).toContain('Membership fees 2026');
    expect(out).toContain('NOK 455,000.00');
    expect(out).toContain('Total: NOK 1,744,400.00 from 21 municipalities.');
  });

  it('exports a formula-safe CSV and a DOCX for invoicing behind signed links', async () => {
    await say(people.coordinator, 'kontingent 2026');
    const [csvUrl, docxUrl] = links();
    const csv = await fetch(csvUrl!);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('kontingent-2026.csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // Excel needs the byte order mark for æøå
    const body = bytes.toString('utf8');
    expect(body).toContain('Kommunenr.,Kommune,Innbyggere');
    expect(body).toContain('3201,Bærum,130000,"3,50","455000,00",2026-01-15,');
    const docx = await fetch(docxUrl!);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const forged = await fetch(csvUrl!.replace('K2026', 'K2025'));
    expect(forged.status).toBe(403);
  });

  it('bad input gets a clear message in the person’s language', async () => {
    expect(await say(people.coordinator, 'kontingent neste')).toContain(
      'Jeg forstod ikke «neste» som år. Skriv slik: «kontingent [år]».',
    );
    expect(await say(people.coordinator, 'fees 2017', 'en-US')).toContain(
      'There is no fee rate for 2017; the first rate applies from 2019.',
    );
  });

  it('someone the organisation does not know is not shown the fee list', async () => {
    const out = await say(people.stranger, 'kontingent');
    expect(out).toContain('Jeg kjenner deg ikke igjen');
    expect(out).not.toContain('Kontingent 2027');
  });
});

describe('meld utmelding / report withdrawal over HTTP', () => {
  it('records Gol’s notice of 10.03.2026 as taking effect on 01.07.2027 and tells the board', async () => {
    const out = await say(people.coordinator, 'meld utmelding Gol 10.03.2026');
    expect(out).toContain('Utmeldingen fra Gol er registrert: varslet 10.03.2026, trer ut 01.07.2027');
    await runDue();
    expect(sentTo(people.boardMember, 'Gol har meldt seg ut av samarbeidet')).toHaveLength(1);
    expect(sentTo(people.boardMember, 'siste kontingent er for 2027')).toHaveLength(1);
  });

  it('in English, by number: Flå’s notice of 11 March 2026 takes effect on 1 July 2027', async () => {
    const out = await say(people.coordinator, 'report withdrawal 3320 2026-03-11', 'en-US');
    expect(out).toContain('The withdrawal of Flå is recorded: notice given 11 Mar 2026, it leaves on 1 Jul 2027');
  });

  it('a second notice for the same municipality is refused with the date in force', async () => {
    expect(await say(people.coordinator, 'meld utmelding gol 11.03.2026')).toContain(
      'Gol har allerede meldt seg ut: varslet 10.03.2026, trer ut 01.07.2027.',
    );
    expect(await say(people.coordinator, 'meld utmelding Oslo 10.03.2026')).toContain(
      'Jeg finner ingen medlemskommune som heter «Oslo»',
    );
    expect(await say(people.coordinator, 'meld utmelding Hole 10.13.2026')).toContain(
      'Jeg forstod ikke «10.13.2026» som varslet dato. Jeg forstod: kommune «Hole».',
    );
    expect(await say(people.coordinator, 'report withdrawal Hole 2027-01-01', 'en-US')).toContain('is after today');
  });

  it('only the coordinator records a withdrawal', async () => {
    const out = await say(people.boardMember, 'meld utmelding Hol 10.03.2026');
    expect(out).toContain('«meld utmelding» hører ikke til rollen din');
    expect(await say(people.coordinator, 'kontingent 2028')).not.toContain(
      'Utmeldt fra 01.07.2027; betaler ikke", "name": "Hol',
    );
  });

  it('the fee follows: Gol and Flå pay in 2027, the year they leave, and nothing in 2028', async () => {
    const in2027 = await say(people.coordinator, 'kontingent 2027');
    expect(in2027).toContain('kr 1 744 400,00 fra 21 kommuner');
    const in2028 = await say(people.coordinator, 'kontingent 2028');
    expect(in2028).toContain('Utmeldt fra 01.07.2027; betaler ikke');
    // 1 744 400 − Gol 4 600 × 3,50 − Flå 1 100 × 3,50
    expect(in2028).toContain('Til sammen: kr 1 724 450,00 fra 19 kommuner.');
  });
});

describe('the fee reminder', () => {
  it('reminds the coordinator a month before 15 January, once, with the total', async () => {
    now = new Date('2026-12-15T12:00:00Z');
    await runDue();
    expect(sentTo(people.coordinator, 'medlemskontingenten for 2027')).toHaveLength(0);
    now = new Date('2026-12-16T08:30:00Z');
    bot.connector.clear();
    await runDue();
    const reminders = sentTo(
      people.coordinator,
      'Påminnelse: medlemskontingenten for 2027 forfaller 15.01.2027, til sammen kr 1 744 400,00',
    );
    expect(reminders).toHaveLength(1);
    await runDue();
    expect(sentTo(people.coordinator, 'medlemskontingenten for 2027')).toHaveLength(1);
    expect(sentTo(people.boardMember, 'medlemskontingenten')).toHaveLength(0);
  });
});
