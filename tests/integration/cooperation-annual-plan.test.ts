import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

const now = new Date('2026-12-02T10:00:00Z');
let bot: BotUnderTest;

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
  // A meeting as the meetings workflow stores it; the plan only reads it.
  await bot.samrad.store.create('meetings', 'M7MAY', {
    id: 'M7MAY',
    bodyId: 'ordformotet',
    title: 'Årsmøte 2027',
    start: '2027-06-14T08:00:00Z',
    end: '2027-06-14T10:00:00Z',
    state: 'planned',
    version: 1,
    agenda: [],
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

describe('årshjul / annual plan over HTTP', () => {
  it('årshjul 2027 shows the fee day, the meetings, what is not planned, and a subscription link', async () => {
    const out = await say(people.respondent, 'årshjul 2027');
    expect(out).toContain('Årshjul 2027 for Kommunehelsesamarbeidet i Vestre Viken:');
    expect(out).toContain('- 15.01.2027: Kontingenten for 2027 forfaller');
    expect(out).toContain('- 14.06.2027 kl. 10.00: Ordfører- og rådmannsmøtet: Årsmøte 2027');
    expect(out).toContain('Ikke planlagt ennå i 2027: Dialogmøtet.');
    const link = /https?:\/\/\S+arshjul\.ics\S+/.exec(out)?.[0];
    const ics = await fetch(link!);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const body = await ics.text();
    expect(body).toContain('DTSTART;VALUE=DATE:20270115');
    expect(body).toContain('SUMMARY:Ordfører- og rådmannsmøtet: Årsmøte 2027');
  });

  it("the projects' milestones and reports and the networks' meetings are in the plan and its calendar", async () => {
    expect(
      await say(people.coordinator, 'nettverksmøte 10.03.2027 Assistanse Vest: Oppfølging av rammeavtalen'),
    ).toContain('Assistanse Vest AS');
    expect(await say(people.coordinator, 'prosjektrapport komut')).toContain('KomUt');
    const out = await say(people.respondent, 'årshjul 2027');
    expect(out).toContain(
      '- 10.03.2027: BPA-nettverket: oppfølgingsmøte med Assistanse Vest AS: Oppfølging av rammeavtalen',
    );
    expect(out).toContain('- 31.03.2027: Milepæl i prosjektet KomUt: Dialogmeldinger med fastlegene i alle kommunene');
    expect(out).toContain('- 30.06.2027: Milepæl i prosjektet KomUt: Sluttrapport til samarbeidsstyret');
    expect(out).not.toContain('Prosjektrapport');
    // The plan is in date order: the network meeting in March before the milestone at its end.
    expect(out.indexOf('10.03.2027')).toBeLessThan(out.indexOf('31.03.2027'));
    const year2026 = await say(people.respondent, 'årshjul 2026');
    expect(year2026).toContain(
      '- 30.06.2026: Milepæl i prosjektet KomUt: Alle kommunene sender pleie- og omsorgsmeldinger elektronisk (nådd)',
    );
    expect(year2026).toContain('- 02.12.2026: Prosjektrapport til styret: KomUt');
    const en = await say(people.respondent, 'annual plan 2026', 'en-US');
    expect(en).toContain('30 Jun 2026: Milestone in the project KomUt: Alle kommunene sender');
    expect(en).toContain('(reached)');
    const link = /https?:\/\/\S+arshjul\.ics\S+/.exec(out)?.[0];
    const body = (await (await fetch(link!)).text()).replace(/\r\n[ \t]/g, '');
    expect(body).toContain('DTSTART;VALUE=DATE:20270331');
    expect(body).toContain('SUMMARY:Milepæl i prosjektet KomUt: Dialogmeldinger med fastlegene i alle kommunene');
    expect(body).toContain('DTSTART;VALUE=DATE:20270310');
    // A milestone keeps its calendar UID: the same ref in every file.
    expect(body.match(/UID:annual-milestone-komut-2027-03-31-\w+@/g)).toHaveLength(1);
  });

  it('annual plan in English, and a bad year is explained', async () => {
    expect(await say(people.boardMember, 'annual plan 2027', 'en-US')).toContain(
      '15 Jan 2027: The membership fees for 2027 are due',
    );
    expect(await say(people.boardMember, 'årshjul neste')).toContain(
      'Jeg forstod ikke «neste» som år. Skriv slik: «årshjul [år]».',
    );
  });
});
