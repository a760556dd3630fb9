import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

const now = new Date('2026-12-03T10:00:00Z');
let bot: BotUnderTest;

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
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
const idIn = (out: string) => /som ([A-Z0-9]{5})\b|as ([A-Z0-9]{5})\b/.exec(out)!.slice(1).find(Boolean)!;

describe('nettverk / networks over HTTP', () => {
  it('nettverk shows the sample BPA network: members by role and municipality, suppliers, an empty log', async () => {
    const out = await say(people.respondent, 'nettverk');
    expect(out).toContain('BPA-nettverket (eksempeldata)');
    expect(out).toContain('6 medlemmer:');
    expect(out).toContain('• Erik Moen, kommuneadvokat, Bærum');
    expect(out).toContain('Leverandører: Assistanse Vest AS, BPA-partner AS, Omsorgsassistanse Buskerud AS.');
    expect(out).toContain('Ingen henvendelser venter på svar.');
    expect(out).toContain('Loggen er tom.');
    expect(await say(people.respondent, 'nettverk legevakt')).toContain(
      'Jeg finner ikke nettverket «legevakt». Nettverkene er: BPA-nettverket.',
    );
  });

  it('a supplier’s inquiry is recorded, answered once for the municipalities named, and logged', async () => {
    const recorded = await say(
      people.coordinator,
      'henvendelse 20.11 assistanse vest: Hvordan skal timelister sendes?',
    );
    expect(recorded).toContain(
      'Henvendelsen fra Assistanse Vest AS (mottatt 20.11.2026) er registrert i BPA-nettverket',
    );
    const id = idIn(recorded);
    expect(await say(people.coordinator, 'henvendelse')).toContain(
      `• ${id} fra Assistanse Vest AS, mottatt 20.11.2026 (13 dager siden)`,
    );
    const answered = await say(people.coordinator, `svar henvendelse ${id} for Gol, Hol og Ål: Månedlig, elektronisk.`);
    expect(answered).toContain(
      `Svaret på henvendelse ${id} fra Assistanse Vest AS er registrert, gitt på vegne av 3 kommuner: Gol, Hol, Ål.`,
    );
    const again = await say(people.coordinator, `svar henvendelse ${id}: Noe annet.`);
    expect(again).toContain(`Henvendelse ${id} er allerede besvart av Ingrid Haugen 03.12.2026.`);
    const overview = await say(people.boardMember, 'nettverk bpa');
    expect(overview).toContain(
      `• 03.12.2026: henvendelse ${id} fra Assistanse Vest AS besvart av Ingrid Haugen for 3 kommuner (Gol, Hol, Ål)`,
    );
    expect(overview).toContain(`• 20.11.2026: henvendelse ${id} mottatt fra Assistanse Vest AS`);
  });

  it('an answer for every member municipality when none are named; a wrong name is refused and nothing is answered', async () => {
    const id = idIn(await say(people.coordinator, 'henvendelse BPA-partner: Kan vi fakturere reisetid?'));
    const wrong = await say(people.coordinator, `svar henvendelse ${id} for Gol og Atlantis: Nei.`);
    expect(wrong).toContain('Jeg finner ingen kommune som heter «Atlantis».');
    expect(await say(people.coordinator, `henvendelse ${id}`)).toContain('Ikke besvart ennå.');
    const all = await say(people.coordinator, `svar henvendelse ${id}: Nei, reisetid inngår i timeprisen.`);
    expect(all).toContain('gitt på vegne av 21 kommuner');
  });

  it('follow-up meetings with suppliers and the network’s own meetings go in the log, planned ones marked', async () => {
    expect(
      await say(people.coordinator, 'nettverksmøte 10.12.2026 Omsorgsassistanse: Oppfølging av rammeavtalen'),
    ).toContain('Oppfølgingsmøtet med Omsorgsassistanse Buskerud AS 10.12.2026 er ført i loggen til BPA-nettverket');
    expect(await say(people.coordinator, 'nettverksmøte 15.10.2026 Ny veileder fra Helsedirektoratet')).toContain(
      'Nettverksmøtet i BPA-nettverket 15.10.2026 er ført i loggen',
    );
    const log = await say(people.coordinator, 'nettverk');
    expect(log).toContain(
      '• 10.12.2026: oppfølgingsmøte med Omsorgsassistanse Buskerud AS (planlagt): Oppfølging av rammeavtalen',
    );
    expect(log).toContain('• 15.10.2026: nettverksmøte: Ny veileder fra Helsedirektoratet');
    expect(await say(people.coordinator, 'nettverksmøte 10.12.2026 Assistanse Vest:')).toContain(
      'Skriv hva møtet gjelder',
    );
  });

  it('with one network, a supplier whose name starts like the network’s alias keeps its whole name', async () => {
    const out = await say(people.coordinator, 'henvendelse BPA Assist AS: Gjelder avtalen fra 2027?');
    expect(out).toContain('Henvendelsen fra BPA Assist AS (mottatt 03.12.2026)');
  });

  it('only the secretariat records; in English too', async () => {
    expect(await say(people.boardMember, 'henvendelse Assistanse Vest: Spørsmål')).toContain(
      'hører ikke til rollen din',
    );
    const en = await say(people.coordinator, 'inquiry BPA-partner: Who signs the timesheets?', 'en-US');
    expect(en).toContain('The inquiry from BPA-partner AS (received 3 Dec 2026) is recorded in BPA-nettverket as');
    const id = idIn(en);
    expect(
      await say(people.coordinator, `answer inquiry ${id} for Bærum and Asker: The user does.`, 'en-US'),
    ).toContain('given on behalf of 2 municipalities: Bærum, Asker.');
    const overview = await say(people.respondent, 'networks', 'en-US');
    expect(overview).toContain('BPA-nettverket (sample data)');
    expect(overview).toContain('• Erik Moen, municipal lawyer, Bærum');
    expect(await say(people.coordinator, 'answer inquiry ZZZZZ: x', 'en-US')).toContain('I cannot find inquiry ZZZZZ.');
  });
});
